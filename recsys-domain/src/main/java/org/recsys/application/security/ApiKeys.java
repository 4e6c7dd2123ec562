package org.recsys.application.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.recsys.application.InvalidInputException;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.domain.model.apikey.ApiKey;
import org.recsys.domain.model.apikey.ApiKeyRepository;
import org.recsys.domain.model.apikey.ApiKeyScope;
import org.recsys.infrastructure.cluster.ClusterMessage;
import org.recsys.infrastructure.cluster.RecsysCluster;

/**
 * Issues, checks and revokes partner API keys. A key is {@code rsk_<id>_<secret>}: the id is 12 hex digits (shown in
 * the console, so a partner can tell which key they hold), the secret 32 random bytes;
 * only the SHA-256 of the whole token is stored, so the token is shown once, when it is created.
 */
@ApplicationScoped
public class ApiKeys {

    static final String PREFIX = "rsk_";
    static final int MIN_CONFIGURED_LENGTH = 24;

    /** How long a key found valid is trusted without asking the database again (a safety net; see revoke). */
    static final Duration REMEMBERED = Duration.ofSeconds(30);
    static final String KEY_REVOKED = "api-key-revoked";

    @Inject
    ApiKeyRepository keys;
    @Inject
    Transactions transactions;
    @Inject
    RecsysCluster cluster;
    @Inject
    Event<KeyRevoked> revoked;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    /** A key just created, with the one and only copy of its token. */
    public record IssuedKey(ApiKey key, String token) {
    }

    /** Checks the request first, so that a mistake is no incident (see {@code Transactions}), then stores the key. */
    public IssuedKey create(String name, ApiKeyScope scope, String createdBy) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new InvalidInputException("name", "must be 1 to 120 characters");
        }
        if (scope == null) {
            throw new InvalidInputException("scope", "must be READ, WRITE or OPERATE");
        }
        String id = Secrets.randomHex(6);
        String token = PREFIX + id + "_" + Secrets.randomToken(32);
        ApiKey key = new ApiKey(id, cleanName, Secrets.sha256Hex(token), scope, createdBy, clock.instant());
        transactions.inTransaction(() -> {
            keys.store(key);
            return key;
        });
        return new IssuedKey(key, token);
    }

    /**
     * Stores a token chosen by the operator (configuration, e.g. RECSYS_API_BOOTSTRAP_KEY) unless it is stored already.
     * A stored key keeps its scope: configuration never widens what a key handed out earlier may do.
     *
     * @return whether it was stored now
     */
    @Transactional
    public boolean ensureConfigured(String id, String name, String token, ApiKeyScope scope) {
        if (token.length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalArgumentException("A configured API key must have at least " + MIN_CONFIGURED_LENGTH
                    + " characters");
        }
        String hash = Secrets.sha256Hex(token);
        if (keys.findByTokenHash(hash).isPresent() || keys.find(id).isPresent()) {
            return false;
        }
        keys.store(new ApiKey(id, name, hash, scope, "configuration", clock.instant()));
        return true;
    }

    /**
     * The key a bearer token belongs to, if it exists and was not revoked. Every API request asks, so a key found in
     * the database is remembered for {@link #REMEMBERED}; a revocation forgets it on every member at once.
     */
    public Optional<ApiKey> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(token);
        Instant now = clock.instant();
        Remembered known = remembered.get(hash);
        if (known != null && known.until().isAfter(now)) {
            return Optional.of(known.key());
        }
        Optional<ApiKey> found = transactions.inNewTransaction(() -> keys.findByTokenHash(hash))
                .filter(key -> !key.revoked());
        found.ifPresentOrElse(key -> remembered.put(hash, new Remembered(key, now.plus(REMEMBERED))),
                () -> remembered.remove(hash));
        return found;
    }

    @Transactional
    public ApiKey revoke(String id) {
        ApiKey key = keys.find(id).orElseThrow(() -> new UnknownEntityException("API key", id));
        key.revoke(clock.instant());
        revoked.fire(new KeyRevoked(key.tokenHash()));
        return key;
    }

    /** A revoked key's hash; told to every member after commit. */
    public record KeyRevoked(String tokenHash) {
    }

    private record Remembered(ApiKey key, Instant until) {
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked event) {
        cluster.publish(KEY_REVOKED, Map.of("hash", event.tokenHash()));
    }

    void onClusterMessage(@Observes ClusterMessage message) {
        if (KEY_REVOKED.equals(message.kind())) {
            remembered.remove(message.field("hash"));
        }
    }

    @Transactional
    public List<ApiKey> list() {
        return keys.findAll();
    }

    @Transactional
    public boolean any() {
        return !keys.findAll().isEmpty();
    }
}
