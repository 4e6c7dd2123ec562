package org.recsys.domain.model.apikey;

import java.util.List;
import java.util.Optional;

/** API keys. */
public interface ApiKeyRepository {

    Optional<ApiKey> find(String id);

    Optional<ApiKey> findByTokenHash(String tokenHash);

    /** Newest first. */
    List<ApiKey> findAll();

    void store(ApiKey key);
}
