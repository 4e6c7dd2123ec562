package org.recsys.interfaces.users.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.Erasure;

@Schema(name = "Erasure", description = "What erasing the user removed")
public record ErasureResponse(
        String userId,
        @Schema(description = "Feedback events deleted, reviews included") int feedbackEvents,
        @Schema(description = "Logged recommendation lists deleted") int impressions,
        @Schema(description = "Whether a stored profile was deleted") boolean profile,
        @Schema(description = "Job reports from which examples naming the user were removed") int reports,
        @Schema(description = "Whether stored rating models may still hold the user until the next "
                + "complete-erasures run (they had rated items)") boolean modelsToPurge) {

    static ErasureResponse of(Erasure erasure) {
        return new ErasureResponse(erasure.userId(), erasure.feedbackEvents(), erasure.impressions(),
                erasure.profile(), erasure.reports(), erasure.modelsToPurge());
    }
}
