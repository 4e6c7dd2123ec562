package org.recsys.interfaces.feedback.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackType;

@Schema(name = "Feedback")
public record FeedbackResponse(long id, String userId, String itemId, FeedbackType type, Double value, String text,
                               Instant occurredAt, Instant receivedAt, String recommendationId,
                               String idempotencyKey, String source) {

    public static FeedbackResponse of(FeedbackEvent event) {
        return new FeedbackResponse(event.id(), event.userId(), event.itemId(), event.type(), event.value(),
                event.text(), event.occurredAt(), event.receivedAt(), event.recommendationId(),
                event.idempotencyKey(), event.source());
    }
}
