package org.recsys.domain.model.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.recsys.domain.model.shared.Timestamps;

/**
 * The stored profile of one user. {@code version} counts the changes, so that the newest copy wins wherever copies
 * meet (the cluster cache keeps the highest version).
 */
@Entity
@Table(name = "user_profile")
public class UserProfile {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(nullable = false)
    private long version;

    @Column(nullable = false)
    private String encoder;

    @Column(nullable = false)
    private byte[] state;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected UserProfile() {
    }

    public UserProfile(String userId, String encoder, ProfileState state, Instant now) {
        this.userId = Objects.requireNonNull(userId);
        this.encoder = Objects.requireNonNull(encoder);
        this.state = ProfileCodec.encode(state);
        this.updatedAt = Timestamps.stored(now);
        this.version = 1;
    }

    public void replace(ProfileState newState, String newEncoder, Instant now) {
        this.state = ProfileCodec.encode(newState);
        this.encoder = newEncoder;
        this.updatedAt = Timestamps.stored(now);
        this.version++;
    }

    public String userId() {
        return userId;
    }

    public long version() {
        return version;
    }

    public String encoder() {
        return encoder;
    }

    public ProfileState state() {
        return ProfileCodec.decode(state);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
