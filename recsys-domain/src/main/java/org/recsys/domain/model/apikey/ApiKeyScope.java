package org.recsys.domain.model.apikey;

/**
 * What a key may do. READ only reads users, items, feedback and recommendations; WRITE also writes them (a partner
 * system); OPERATE also runs imports and jobs, changes schedules and reads or changes the model registry and the
 * experiments (operations work, which a partner key must not do).
 */
public enum ApiKeyScope {
    READ, WRITE, OPERATE;

    public boolean allowsWrites() {
        return this != READ;
    }

    public boolean allowsOperations() {
        return this == OPERATE;
    }
}
