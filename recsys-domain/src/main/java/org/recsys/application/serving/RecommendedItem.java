package org.recsys.application.serving;

import java.util.List;
import org.recsys.domain.model.feedback.ReviewSummary;

/**
 * One recommended item with the facts behind it and their plain-language reading.
 *
 * @param itemId              the item
 * @param title               its title
 * @param score               the fused score
 * @param interestSignal      weighted interest-similarity part of the score
 * @param ratingSignal        weighted rating-model part
 * @param popularitySignal    weighted popularity part
 * @param matchedInterest     tags of the interest point it matches (empty when none)
 * @param becauseYouLiked     the liked item it is most like, when clearly similar, else null
 * @param becauseYouLikedTitle that item's title, or null
 * @param predictedStars      the rating model's prediction, or NaN
 * @param reviews             what its reviews say
 * @param explanation         all of that in one or two sentences
 */
public record RecommendedItem(String itemId, String title, double score, double interestSignal, double ratingSignal,
                              double popularitySignal, List<String> matchedInterest, String becauseYouLiked,
                              String becauseYouLikedTitle, double predictedStars, ReviewSummary reviews,
                              String explanation) {
}
