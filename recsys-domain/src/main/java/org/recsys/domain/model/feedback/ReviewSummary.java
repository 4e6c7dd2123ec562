package org.recsys.domain.model.feedback;

/**
 * What an item's reviews say, for explanations.
 *
 * @param reviews  number of reviews
 * @param positive reviews with 4 stars or more
 * @param meanStars mean stars of the reviews that gave stars, or NaN
 */
public record ReviewSummary(long reviews, long positive, double meanStars) {

    public static final ReviewSummary NONE = new ReviewSummary(0, 0, Double.NaN);

    /** This summary with one more review of the given stars (null: no stars given). */
    public ReviewSummary plus(Double stars) {
        long withStars = Double.isNaN(meanStars) ? 0 : reviews;
        double sum = Double.isNaN(meanStars) ? 0 : meanStars * withStars;
        if (stars == null) {
            return new ReviewSummary(reviews + 1, positive, meanStars);
        }
        return new ReviewSummary(reviews + 1, positive + (stars >= 4 ? 1 : 0), (sum + stars) / (withStars + 1));
    }

    /** This summary without one review of the given stars (null: it gave none); the inverse of {@link #plus}. */
    public ReviewSummary minus(Double stars) {
        if (reviews <= 1) {
            return NONE;
        }
        if (stars == null || Double.isNaN(meanStars)) {
            return new ReviewSummary(reviews - 1, positive, meanStars);
        }
        return new ReviewSummary(reviews - 1, Math.max(0, positive - (stars >= 4 ? 1 : 0)),
                (meanStars * reviews - stars) / (reviews - 1));
    }
}
