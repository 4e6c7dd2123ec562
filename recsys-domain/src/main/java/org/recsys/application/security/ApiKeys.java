package org.recsys.application.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.recsys.application.InvalidInputException;
import org.recsys.application.UnknownEntityException;
import org.recsys.domain.model.apikey.ApiKey;
import org.recsys.domain.model.apikey.ApiKeyRepository;
import org.recsys.domain.model.apikey.ApiKeyScope;

/**
 * Issues, checks and revokes partner API keys. A key is {@code rsk_<id>_<secret>}: the id is 12 hex digits (shown in
 * the console, so a partner can tell which key they hold), the secret 32 random bytes;
 * only the SHA-256 of the whole token is stored, so the token is shown once, when it is created.
 */
@ApplicationScoped
public class ApiKeys {

    static final String PREFIX = "rsk_";
    static final int MIN_CONFIGURED_LENGTH = 24;

    @Inject
    ApiKeyRepository keys;

    Clock clock = Clock.systemUTC();

    /** A key just created, with the one and only copy of its token. */
    public record IssuedKey(ApiKey key, String token) {
    }

    @Transactional
    public IssuedKey create(String name, ApiKeyScope scope, String createdBy) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new InvalidInputException("name", "must be 1 to 120 characters");
        }
        if (scope == null) {
            throw new InvalidInputException("scope", "must be READ or WRITE");
        }
        String id = Secrets.randomHex(6);
        String token = PREFIX + id + "_" + Secrets.randomToken(32);
        ApiKey key = new ApiKey(id, cleanName, Secrets.sha256Hex(token), scope, createdBy, clock.instant());
        keys.store(key);
        return new IssuedKey(key, token);
    }

    /**
     * Stores a token chosen by the operator (configuration, e.g. RECSYS_API_BOOTSTRAP_KEY) unless it is stored already.
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

    /** The key a bearer token belongs to, if it exists and was not revoked. */
    @Transactional
    public Optional<ApiKey> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return keys.findByTokenHash(Secrets.sha256Hex(token)).filter(key -> !key.revoked());
    }

    @Transactional
    public ApiKey revoke(String id) {
        ApiKey key = keys.find(id).orElseThrow(() -> new UnknownEntityException("API key", id));
        key.revoke(clock.instant());
        return key;
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
