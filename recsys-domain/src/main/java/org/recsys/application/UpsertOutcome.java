package org.recsys.application;

/** What a batch of creates-or-replaces did. Repeating the same batch gives {@code unchanged == received}. */
public record UpsertOutcome(int received, int created, int updated, int unchanged) {

    public UpsertOutcome plus(UpsertOutcome other) {
        return new UpsertOutcome(received + other.received, created + other.created, updated + other.updated,
                unchanged + other.unchanged);
    }
}
