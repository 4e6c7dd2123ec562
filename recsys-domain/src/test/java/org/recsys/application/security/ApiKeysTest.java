package org.recsys.application.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.recsys.application.InvalidInputException;
import org.recsys.application.Transactions;
import org.recsys.domain.model.apikey.ApiKey;
import org.recsys.domain.model.apikey.ApiKeyRepository;
import org.recsys.domain.model.apikey.ApiKeyScope;
import org.recsys.infrastructure.cluster.ClusterMessage;

class ApiKeysTest {

    /** Keys in a list, as the database would hold them. */
    static final class InMemoryKeys implements ApiKeyRepository {
        final List<ApiKey> stored = new ArrayList<>();

        @Override
        public Optional<ApiKey> find(String id) {
            return stored.stream().filter(k -> k.id().equals(id)).findFirst();
        }

        @Override
        public Optional<ApiKey> findByTokenHash(String tokenHash) {
            return stored.stream().filter(k -> k.tokenHash().equals(tokenHash)).findFirst();
        }

        @Override
        public List<ApiKey> findAll() {
            return stored.stream().sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
        }

        @Override
        public void store(ApiKey key) {
            stored.add(key);
        }
    }

    private final InMemoryKeys repository = new InMemoryKeys();
    private final ApiKeys keys = new ApiKeys();
    private final RecordingEvent<ApiKeys.KeyRevoked> revocations = new RecordingEvent<>();

    {
        keys.keys = repository;
        keys.transactions = new Transactions();
        keys.revoked = revocations;
    }

    @Test
    void aNewKeyAuthenticatesAndOnlyItsHashIsStored() {
        ApiKeys.IssuedKey issued = keys.create("partner", ApiKeyScope.READ, "admin");

        assertThat(issued.token()).startsWith("rsk_" + issued.key().id() + "_");
        assertThat(issued.key().id()).matches("[0-9a-f]{12}");
        assertThat(repository.stored.get(0).tokenHash()).isEqualTo(Secrets.sha256Hex(issued.token()))
                .doesNotContain(issued.token());
        assertThat(keys.authenticate(issued.token())).map(ApiKey::scope).hasValue(ApiKeyScope.READ);
        assertThat(keys.authenticate(issued.token() + "x")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
    }

    @Test
    void aRevokedKeyNoLongerAuthenticates() {
        ApiKeys.IssuedKey issued = keys.create("partner", ApiKeyScope.WRITE, "admin");
        assertThat(keys.authenticate(issued.token())).isPresent();
        keys.revoke(issued.key().id());
        // Until the revocation reaches this member (after commit, over the cluster bus) the key is remembered.
        assertThat(keys.authenticate(issued.token())).isPresent();
        keys.onClusterMessage(new ClusterMessage(ApiKeys.KEY_REVOKED, "here",
                Map.of("hash", revocations.fired.get(0).tokenHash())));
        assertThat(keys.authenticate(issued.token())).isEmpty();
        assertThat(repository.stored.get(0).revokedAt()).isNotNull();
    }

    @Test
    void twoKeysNeverShareASecret() {
        assertThat(keys.create("a", ApiKeyScope.READ, "admin").token())
                .isNotEqualTo(keys.create("b", ApiKeyScope.READ, "admin").token());
    }

    @Test
    void aConfiguredKeyIsStoredOnceAndMustBeLongEnough() {
        String token = "configured-partner-key-0123456789";
        assertThat(keys.ensureConfigured("bootstrap", "configured", token, ApiKeyScope.WRITE)).isTrue();
        assertThat(keys.ensureConfigured("bootstrap", "configured", token, ApiKeyScope.WRITE)).isFalse();
        assertThat(keys.authenticate(token)).isPresent();
        assertThatThrownBy(() -> keys.ensureConfigured("short", "configured", "too-short", ApiKeyScope.WRITE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredKeyKeepsTheScopeItWasStoredWith() {
        String token = "configured-partner-key-0123456789";
        keys.ensureConfigured("bootstrap", "configured", token, ApiKeyScope.WRITE);

        assertThat(keys.ensureConfigured("bootstrap", "configured", token, ApiKeyScope.OPERATE)).isFalse();
        assertThat(keys.authenticate(token)).map(ApiKey::scope).as("configuration never widens a stored key")
                .hasValue(ApiKeyScope.WRITE);
    }

    @Test
    void aKeyNeedsANameAndAScope() {
        assertThatThrownBy(() -> keys.create(" ", ApiKeyScope.READ, "admin"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> keys.create("partner", null, "admin"))
                .isInstanceOf(InvalidInputException.class);
    }
}
