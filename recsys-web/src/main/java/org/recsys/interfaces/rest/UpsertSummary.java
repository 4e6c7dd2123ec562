package org.recsys.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.UpsertOutcome;

/** What a batch of creates-or-replaces did; sending the same batch again gives {@code unchanged == received}. */
@Schema(name = "UpsertSummary")
public record UpsertSummary(
        @Schema(example = "3") int received,
        @Schema(example = "2") int created,
        @Schema(example = "1") int updated,
        @Schema(example = "0") int unchanged) {

    public static UpsertSummary of(UpsertOutcome outcome) {
        return new UpsertSummary(outcome.received(), outcome.created(), outcome.updated(), outcome.unchanged());
    }
}
