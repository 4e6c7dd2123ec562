package org.recsys.ml.rank;

/**
 * One recommended item.
 *
 * @param itemId                  item id
 * @param score                   fused score (higher is better; before diversity re-ranking)
 * @param interestContribution    weighted interest-similarity part of the score
 * @param ratingContribution      weighted rating-model part of the score
 * @param popularityContribution  weighted popularity part of the score
 * @param explanation             facts for the "why"
 */
public record Recommendation(String itemId, double score, double interestContribution, double ratingContribution,
                             double popularityContribution, Explanation explanation) { }
