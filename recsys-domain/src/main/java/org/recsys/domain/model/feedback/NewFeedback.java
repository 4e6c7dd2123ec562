package org.recsys.domain.model.feedback;

import java.time.Instant;

/**
 * Feedback as it arrives, before it is stored. {@code occurredAt} defaults to the time of receipt.
 */
public record NewFeedback(String userId, String itemId, FeedbackType type, Double value, String text,
                          Instant occurredAt, String recommendationId, String idempotencyKey) {
}
