package org.recsys.interfaces.feedback.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.shared.Identifiers;

/** One piece of feedback as a partner sends it. */
@Schema(name = "FeedbackBody")
public record FeedbackBody(
        @NotNull @Pattern(regexp = Identifiers.PATTERN, message = "must be " + Identifiers.RULE)
        @Schema(example = "u-1001", description = "Unknown users are created on first feedback") String userId,
        @NotNull @Pattern(regexp = Identifiers.PATTERN, message = "must be " + Identifiers.RULE)
        @Schema(example = "sku-778", description = "Must be a known item") String itemId,
        @NotNull
        @Schema(example = "RATING") FeedbackType type,
        @Schema(description = "Stars 1-5 for RATING (required) and REVIEW (optional); free for other types",
                example = "4.5") Double value,
        @Size(max = 10000)
        @Schema(description = "Review text (required for REVIEW) or why not interested",
                example = "Lovely warm tone, a bit heavy") String text,
        @Schema(description = "When it happened; defaults to the time of receipt",
                example = "2026-11-23T10:15:30Z") Instant occurredAt,
        @Size(max = 64)
        @Schema(description = "The recommendationId of the list this feedback answers, for attribution")
        String recommendationId,
        @Size(min = 1, max = 200, message = "must be 1-200 characters (leave it out for no key)")
        @Schema(description = "A repeated key never stores a second event", example = "order-5531-line-2")
        String idempotencyKey) {

    NewFeedback toNewFeedback() {
        return new NewFeedback(userId, itemId, type, value, text, occurredAt, recommendationId, idempotencyKey);
    }
}
