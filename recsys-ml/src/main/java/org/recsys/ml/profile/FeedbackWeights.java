package org.recsys.ml.profile;

/**
 * Turns a piece of feedback into the signed weight {@code w} of the profile update. Stateless.
 */
public final class FeedbackWeights {

    private FeedbackWeights() {
    }

    /**
     * Weight of a star rating: linear in the distance from the scale's midpoint, +1 at the top, -1 at the bottom
     * (3 of 5 stars is neutral and does not move the profile).
     */
    public static double ratingWeight(double rating, double min, double max) {
        double mid = (min + max) / 2;
        double half = (max - min) / 2;
        return Math.max(-1, Math.min(1, (rating - mid) / half));
    }

    /**
     * Weight of a review from its sentiment probabilities: P(positive) - P(negative), in [-1, 1].
     */
    public static double reviewWeight(double positiveProbability, double negativeProbability) {
        return Math.max(-1, Math.min(1, positiveProbability - negativeProbability));
    }

    /**
     * Weight of any feedback.
     *
     * @param type                feedback type
     * @param rating              stars for {@link FeedbackType#RATING} (else ignored; {@code NaN} = unknown)
     * @param positiveProbability review sentiment P(positive) for {@link FeedbackType#REVIEW}, else ignored
     * @param negativeProbability review sentiment P(negative) for {@link FeedbackType#REVIEW}, else ignored
     */
    public static double weight(FeedbackType type, double rating, double positiveProbability,
                                double negativeProbability) {
        return switch (type) {
            case RATING -> Double.isNaN(rating) ? 0 : ratingWeight(rating, 1, 5);
            case REVIEW -> Double.isNaN(positiveProbability) || Double.isNaN(negativeProbability) ? 0
                    : reviewWeight(positiveProbability, negativeProbability);
            default -> type.defaultWeight();
        };
    }
}
