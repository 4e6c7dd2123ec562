package org.recsys.domain.model.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.recsys.domain.model.shared.StringMapConverter;

/** One trained model: what it is, how it was made, how it measured and whether it serves. */
@Entity
@Table(name = "model_version")
public class ModelVersion {

    @Id
    private String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModelKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModelStatus status;

    /**
     * The kind while this version is ACTIVE, NULL otherwise: the database keeps it unique, so that at most one
     * version of a kind serves however many members promote at once (migration V10).
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "active_kind")
    private ModelKind activeKind;

    @Column(name = "trained_at", nullable = false)
    private Instant trainedAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(nullable = false)
    private long examples;

    /** Hold-out metrics as decimal strings (portable JSON column). */
    @Convert(converter = StringMapConverter.class)
    private Map<String, String> metrics = new LinkedHashMap<>();

    @Convert(converter = StringMapConverter.class)
    private Map<String, String> provenance = new LinkedHashMap<>();

    /** Why it has its status, in words: the last promotion decision or operator action. */
    @Column(nullable = false)
    private String decision;

    protected ModelVersion() {
    }

    public ModelVersion(String version, ModelKind kind, Instant trainedAt, long examples, Map<String, Double> metrics,
                        Map<String, String> provenance) {
        this.version = version;
        this.kind = kind;
        this.status = ModelStatus.CANDIDATE;
        this.trainedAt = trainedAt;
        this.examples = examples;
        metrics.forEach((name, value) -> this.metrics.put(name, Double.toString(value)));
        this.provenance.putAll(provenance);
        this.decision = "trained";
    }

    public void activate(Instant at, String why) {
        status = ModelStatus.ACTIVE;
        activeKind = kind;
        activatedAt = at;
        decision = why;
    }

    /** Marks the version as purged; the repository deletes its payload. */
    public void purge(String why) {
        status = ModelStatus.PURGED;
        activeKind = null;
        decision = why;
    }

    public void retire(String why) {
        status = ModelStatus.RETIRED;
        activeKind = null;
        decision = why;
    }

    public void keepAsCandidate(String why) {
        status = ModelStatus.CANDIDATE;
        activeKind = null;
        decision = why;
    }

    public String version() {
        return version;
    }

    public ModelKind kind() {
        return kind;
    }

    public ModelStatus status() {
        return status;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    /** When it last started serving; null if it never did. */
    public Instant activatedAt() {
        return activatedAt;
    }

    public long examples() {
        return examples;
    }

    public Map<String, Double> metrics() {
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach((name, value) -> values.put(name, Double.valueOf(value)));
        return values;
    }

    public Map<String, String> provenance() {
        return Map.copyOf(provenance);
    }

    public String decision() {
        return decision;
    }
}
