package org.recsys.ml.rank;

import java.util.List;

/**
 * The facts behind one recommendation, for a plain-language "why".
 *
 * @param source                 what brought the item in
 * @param interestIndex          index of the matched interest point, or -1
 * @param interestTags           tags of the matched interest point (empty if none)
 * @param interestSimilarity     cosine between the item and the matched interest (or profile)
 * @param nearestLikedItemId     the liked item most similar to this one, or {@code null}; for
 *                               {@link Source#COLLABORATIVE} the history item whose learnt weight brought it in
 * @param nearestLikedSimilarity cosine to that item (0 if none; 1 for the collaborative neighbour)
 * @param predictedRating        the rating model's prediction, or {@code NaN} without a model
 */
public record Explanation(Source source, int interestIndex, List<String> interestTags, double interestSimilarity,
                          String nearestLikedItemId, double nearestLikedSimilarity, double predictedRating) {

    /** What brought an item into the list. */
    public enum Source {
        /** Close to one of the user's interest points. */
        INTEREST,
        /** Close to the user's profile vector (no interest points yet). */
        PROFILE,
        /** Chosen by people whose history resembles the user's: the named item is the history item behind it. */
        COLLABORATIVE,
        /** Chosen often lately. */
        TRENDING,
        /** Popular; used when nothing personal is known or as filler. */
        POPULAR
    }

    /** A one-line English explanation. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        switch (source) {
            case INTEREST -> text.append("Matches your interest in ").append(interestTags.isEmpty() ? "this topic"
                    : String.join(", ", interestTags));
            case PROFILE -> text.append("Close to what you told us you like");
            case COLLABORATIVE -> text.append("People who liked ").append(nearestLikedItemId)
                    .append(" also liked this");
            case TRENDING -> text.append("Popular lately");
            case POPULAR -> text.append("Popular with other users");
        }
        if (source != Source.COLLABORATIVE && nearestLikedItemId != null && nearestLikedSimilarity > 0.5) {
            text.append("; similar to ").append(nearestLikedItemId).append(", which you liked");
        }
        if (!Double.isNaN(predictedRating)) {
            text.append(String.format("; predicted rating %.1f", predictedRating));
        }
        return text.append('.').toString();
    }
}
