package org.recsys.domain.model.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A partner API key. The token itself is never stored, only its SHA-256 (hex). */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApiKeyScope scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String id, String name, String tokenHash, ApiKeyScope scope, String createdBy, Instant now) {
        this.id = id;
        this.name = name;
        this.tokenHash = tokenHash;
        this.scope = scope;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public ApiKeyScope scope() {
        return scope;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
