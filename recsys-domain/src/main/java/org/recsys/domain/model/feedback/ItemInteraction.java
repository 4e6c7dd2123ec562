package org.recsys.domain.model.feedback;

import java.time.Instant;

/**
 * A user's contact with an item other than a rejection: what the top-N models learn from.
 *
 * @param type  the feedback type
 * @param value stars or other value, or null
 */
public record ItemInteraction(String userId, String itemId, Instant occurredAt, FeedbackType type, Double value) {
}
