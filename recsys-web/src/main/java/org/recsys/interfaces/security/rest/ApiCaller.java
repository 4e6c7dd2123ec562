package org.recsys.interfaces.security.rest;

import jakarta.enterprise.context.RequestScoped;
import org.recsys.domain.model.apikey.ApiKey;

/** The API key of the current request, as {@link ApiKeyFilter} authenticated it. */
@RequestScoped
public class ApiCaller {

    private ApiKey key;

    public void authenticated(ApiKey apiKey) {
        this.key = apiKey;
    }

    /** The key, or {@code null} before authentication (never for a resource method: the filter runs first). */
    public ApiKey key() {
        return key;
    }

    /** The key's id, which scopes the idempotency keys its caller sends. */
    public String keyId() {
        if (key == null) {
            // Never '' (the owner of imported events): a resource that scopes data by caller must be behind the filter.
            throw new IllegalStateException("no authenticated API key on this request");
        }
        return key.id();
    }
}
