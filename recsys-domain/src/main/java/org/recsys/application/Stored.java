package org.recsys.application;

/** An entity after a create-or-replace, and whether this call created it. */
public record Stored<T>(T entity, boolean created) {
}
