package org.recsys.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.recsys.domain.model.shared.StringMapConverter;
import org.recsys.domain.model.shared.Timestamps;

/** A user as the partner system describes them. Identity is the partner's own id. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    private String id;

    @Convert(converter = StringMapConverter.class)
    private Map<String, String> attributes = new LinkedHashMap<>();

    /** What the user says they like, in their own words; the encoder turns it into a cold-start profile. */
    @Column(name = "preference_text")
    private String preferenceText;

    @Column(nullable = false)
    private String source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected User() {
    }

    public User(String id, Map<String, String> attributes, String preferenceText, String source, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.source = Objects.requireNonNull(source);
        this.createdAt = Timestamps.stored(now);
        describe(attributes, preferenceText, now);
    }

    /**
     * Replaces the description with the given one.
     *
     * @return whether anything changed, so that repeated identical writes change nothing
     */
    public boolean describe(Map<String, String> newAttributes, String newPreferenceText, Instant now) {
        Map<String, String> copy = newAttributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(newAttributes);
        boolean changed = !copy.equals(attributes) || !Objects.equals(preferenceText, newPreferenceText);
        if (changed || updatedAt == null) {
            this.attributes = copy;
            this.preferenceText = newPreferenceText;
            this.updatedAt = Timestamps.stored(now);
        }
        return changed;
    }

    public String id() {
        return id;
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public String preferenceText() {
        return preferenceText;
    }

    public String source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
