package org.recsys.domain.model.registry;

import java.util.List;
import java.util.Optional;

/** Model versions and their serialized models. */
public interface ModelVersionRepository {

    /** Stores a new version with its serialized model. */
    void store(ModelVersion version, byte[] artifact);

    Optional<ModelVersion> find(String version);

    /** The active version of a kind, locked for update so that two promotions cannot both win. */
    Optional<ModelVersion> activeForUpdate(ModelKind kind);

    Optional<ModelVersion> active(ModelKind kind);

    /**
     * Retires the active version and writes that at once: the database holds at most one ACTIVE version per kind,
     * so the retirement must reach it before the next version's activation does.
     */
    void retire(ModelVersion active, String why);

    /** Versions newest first, of one kind or of all when {@code kind} is null. */
    List<ModelVersion> list(ModelKind kind, int limit);

    /** The retired version of a kind that served most recently before now: what a rollback returns to. */
    Optional<ModelVersion> previouslyActive(ModelKind kind);

    Optional<byte[]> artifact(String version);

    /** Versions of a kind that still have a payload, oldest first. */
    List<ModelVersion> withArtifact(ModelKind kind);

    void deleteArtifact(String version);
}
