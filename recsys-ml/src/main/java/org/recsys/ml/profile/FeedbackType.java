package org.recsys.ml.profile;

/**
 * Kinds of feedback a partner system reports. The default weight says how strongly, and in which direction, the
 * feedback moves a profile; ratings and reviews get their weight from the stars or the review's sentiment.
 */
public enum FeedbackType {
    /** Item page viewed. */
    VIEW(0.1),
    /** Recommendation clicked. */
    CLICK(0.3),
    /** Explicit like. */
    LIKE(1.0),
    /** Explicit dislike: moves away. */
    DISLIKE(-1.0),
    /** Star rating: weight from the stars (see {@link FeedbackWeights#ratingWeight}). */
    RATING(0.0),
    /** Written review: weight from its sentiment (see {@link FeedbackWeights#reviewWeight}). */
    REVIEW(0.0),
    /** Purchase. */
    PURCHASE(1.2),
    /** "Not interested": moves away, a little less than a dislike. */
    NOT_INTERESTED(-0.8);

    private final double defaultWeight;

    FeedbackType(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    /** Weight used when no rating or sentiment is given. */
    public double defaultWeight() {
        return defaultWeight;
    }
}
