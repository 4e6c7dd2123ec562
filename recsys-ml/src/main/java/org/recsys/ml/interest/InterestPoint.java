package org.recsys.ml.interest;

import java.util.List;

/**
 * One cluster of a user's tastes.
 *
 * @param centroid      unit-length centre of the cluster
 * @param weight        share of the user's member weight in this cluster (weights of a user sum to 1)
 * @param memberItemIds ids of the items in the cluster (the user's own texts have none)
 * @param memberCount   number of members, texts included
 * @param tags          3 to 5 words or phrases naming the interest, best first (fewer when texts are too short)
 */
public record InterestPoint(float[] centroid, double weight, List<String> memberItemIds, int memberCount,
                            List<String> tags) { }
