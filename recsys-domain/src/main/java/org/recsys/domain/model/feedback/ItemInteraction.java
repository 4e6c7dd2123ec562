package org.recsys.domain.model.feedback;

import java.time.Instant;

/** A user's contact with an item other than a rejection: what the top-N models learn from. */
public record ItemInteraction(String userId, String itemId, Instant occurredAt) {
}
