package org.recsys.application.serving;

import java.util.List;
import java.util.Locale;
import org.recsys.domain.model.feedback.ReviewSummary;
import org.recsys.ml.rank.Explanation;

/** Puts the facts behind a recommendation into plain words. */
final class Explanations {

    /** Below this cosine a liked item is not "similar" enough to name. */
    static final double NAMED_SIMILARITY = 0.5;
    /** Fewer reviews than this say too little to quote. */
    static final int QUOTED_REVIEWS = 3;

    private Explanations() {
    }

    static String text(Explanation why, String likedTitle, ReviewSummary reviews) {
        StringBuilder text = new StringBuilder(switch (why.source()) {
            case INTEREST -> why.interestTags().isEmpty() ? "Matches one of your interests"
                    : "Matches your interest in " + join(why.interestTags());
            case PROFILE -> "Close to what you like";
            case COLLABORATIVE -> likedTitle == null ? "Liked by people with tastes like yours"
                    : "People who liked \u201c" + likedTitle + "\u201d also liked this";
            case TRENDING -> "Popular lately";
            case POPULAR -> "Popular with other users";
        });
        if (likedTitle != null && why.source() != Explanation.Source.COLLABORATIVE) {
            text.append("; similar to \u201c").append(likedTitle).append("\u201d, which you liked");
        }
        text.append('.');
        if (reviews.reviews() >= QUOTED_REVIEWS) {
            text.append(' ');
            if (!Double.isNaN(reviews.meanStars())) {
                text.append(String.format(Locale.ROOT, "Reviewers give it %.1f of 5 stars (%d reviews",
                        reviews.meanStars(), reviews.reviews()));
                text.append(String.format(Locale.ROOT, ", %d%% positive).",
                        Math.round(100.0 * reviews.positive() / reviews.reviews())));
            } else {
                text.append(reviews.reviews()).append(" people reviewed it.");
            }
        }
        if (!Double.isNaN(why.predictedRating())) {
            text.append(String.format(Locale.ROOT, " We expect you to rate it %.1f of 5.", why.predictedRating()));
        }
        return text.toString();
    }

    private static String join(List<String> tags) {
        if (tags.size() == 1) {
            return tags.get(0);
        }
        return String.join(", ", tags.subList(0, tags.size() - 1)) + " and " + tags.get(tags.size() - 1);
    }
}
