package org.recsys.domain.model.feedback;

import java.time.Instant;

/** A star rating, with the review text when it came with one: training data for the rating and review models. */
public record StarRating(String userId, String itemId, double stars, String text, Instant occurredAt) {
}
