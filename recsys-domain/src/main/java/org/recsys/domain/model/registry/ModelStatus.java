package org.recsys.domain.model.registry;

/** Where a model version is in its life. */
public enum ModelStatus {
    /** Trained and measured, not serving. */
    CANDIDATE,
    /** Serving; one per kind. */
    ACTIVE,
    /** Served before (or was passed over), kept for rollback and history. */
    RETIRED,
    /** Its payload was deleted (it held an erased user's data); the metadata stays as history. */
    PURGED
}
