package org.recsys.domain.model.feedback;

import java.util.Optional;

/**
 * Kinds of feedback, each with the rule its value and text must follow. Ratings use a 1-5 star scale (MovieLens and
 * Amazon reviews both do).
 */
public enum FeedbackType {
    VIEW, CLICK, LIKE, DISLIKE, RATING, REVIEW, PURCHASE, NOT_INTERESTED;

    public static final double MIN_STARS = 1.0;
    public static final double MAX_STARS = 5.0;

    /**
     * Checks value and text against this type's rule.
     *
     * @return the problem with the named field ("value" or "text"), or empty when the event is well-formed
     */
    public Optional<FieldProblem> check(Double value, String text) {
        if (value != null && (value.isNaN() || value.isInfinite())) {
            return Optional.of(new FieldProblem("value", "must be a finite number"));
        }
        switch (this) {
            case RATING:
                if (value == null) {
                    return Optional.of(new FieldProblem("value", "is required for RATING (stars from 1 to 5)"));
                }
                return checkStars(value);
            case REVIEW:
                if (text == null || text.isBlank()) {
                    return Optional.of(new FieldProblem("text", "is required for REVIEW"));
                }
                return value == null ? Optional.empty() : checkStars(value);
            default:
                return Optional.empty();
        }
    }

    /** Whether this feedback says the user does not want the item; such items are never recommended again. */
    public boolean isRejection() {
        return this == DISLIKE || this == NOT_INTERESTED;
    }

    private static Optional<FieldProblem> checkStars(double value) {
        if (value < MIN_STARS || value > MAX_STARS) {
            return Optional.of(new FieldProblem("value", "must be between 1 and 5 stars"));
        }
        return Optional.empty();
    }

    /** A problem with one field of an event. */
    public record FieldProblem(String field, String message) {
    }
}
