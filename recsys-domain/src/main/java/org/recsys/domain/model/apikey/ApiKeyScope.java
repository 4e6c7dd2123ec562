package org.recsys.domain.model.apikey;

/** What a key may do: READ only reads; WRITE reads and writes. */
public enum ApiKeyScope {
    READ, WRITE;

    public boolean allowsWrites() {
        return this == WRITE;
    }
}
