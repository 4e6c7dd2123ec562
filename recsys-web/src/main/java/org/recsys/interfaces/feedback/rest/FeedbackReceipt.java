package org.recsys.interfaces.feedback.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.RecordOutcome;

/** What recording feedback did. */
@Schema(name = "FeedbackReceipt")
public record FeedbackReceipt(
        @Schema(example = "3") int received,
        @Schema(description = "New events stored", example = "2") int stored,
        @Schema(description = "Events skipped because their idempotency key was already stored", example = "1")
        int duplicates,
        @Schema(description = "Users created because this feedback named them first", example = "0")
        int usersCreated) {

    static FeedbackReceipt of(RecordOutcome outcome) {
        return new FeedbackReceipt(outcome.received(), outcome.stored(), outcome.duplicates(),
                outcome.usersCreated());
    }
}
