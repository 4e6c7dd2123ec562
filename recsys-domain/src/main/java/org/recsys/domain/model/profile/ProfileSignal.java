package org.recsys.domain.model.profile;

import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.ml.profile.FeedbackWeights;

/**
 * One piece of feedback as a profile sees it: the item (or null for the user's own text), its vector (null when not
 * embedded yet: the lists still change, the vectors do not), the signed weight {@code w} of the update, and which
 * lists the item joins.
 *
 * @param itemId   item the feedback is about, or null for free text
 * @param vector   the item's (or text's) unit-length vector, or null
 * @param weight   signed strength: positive moves towards, negative away
 * @param consumed the user has used or seen the item
 * @param liked    the user showed they like it
 * @param rejected the user said they do not want it
 */
public record ProfileSignal(String itemId, float[] vector, double weight, boolean consumed, boolean liked,
                            boolean rejected) {

    /** Above this weight a rating or review counts as a like (4 of 5 stars and up). */
    static final double LIKED_WEIGHT = 0.45;

    /**
     * The signal of a feedback event. {@code positiveProbability} and {@code negativeProbability} are the review's
     * sentiment, used only for reviews without stars ({@code NaN} when unknown).
     */
    public static ProfileSignal of(String itemId, float[] vector, FeedbackType type, Double value,
                                   double positiveProbability, double negativeProbability) {
        double weight;
        if ((type == FeedbackType.RATING || type == FeedbackType.REVIEW) && value != null) {
            weight = FeedbackWeights.ratingWeight(value, FeedbackType.MIN_STARS, FeedbackType.MAX_STARS);
        } else {
            weight = FeedbackWeights.weight(org.recsys.ml.profile.FeedbackType.valueOf(type.name()), Double.NaN,
                    positiveProbability, negativeProbability);
        }
        boolean rejected = type.isRejection();
        boolean liked = type == FeedbackType.LIKE || type == FeedbackType.PURCHASE
                || ((type == FeedbackType.RATING || type == FeedbackType.REVIEW) && weight >= LIKED_WEIGHT);
        return new ProfileSignal(itemId, vector, weight, !rejected, liked, rejected);
    }

    /** A statement of the user's own ("more jazz guitar" is positive, "no cables" negative). */
    public static ProfileSignal ofText(float[] vector, double weight) {
        return new ProfileSignal(null, vector, weight, false, false, false);
    }
}
