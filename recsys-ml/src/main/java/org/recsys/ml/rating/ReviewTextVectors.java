package org.recsys.ml.rating;

import org.recsys.ml.vector.Vectors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item and user text vectors built from review embeddings: an item's vector is the normalised mean of its reviews'
 * vectors, a user's the normalised mean of the reviews they wrote. For training records the rating's own review is
 * left out (leave-one-out), so the side features carry no trace of the target; serving vectors use all reviews.
 * Only reviews of the training data may be given here (never test reviews).
 */
public final class ReviewTextVectors implements TrainingTextVectors {

    private final Map<String, float[]> itemSums = new HashMap<>();
    private final Map<String, float[]> userSums = new HashMap<>();
    private final Map<String, Integer> itemCounts = new HashMap<>();
    private final Map<String, Integer> userCounts = new HashMap<>();
    private final Map<RatingRecord, float[]> reviewOf = new HashMap<>();
    private final int dimension;

    /**
     * @param records       training ratings
     * @param reviewVectors the embedding of each record's review text, same order; {@code null} entries are skipped
     */
    public ReviewTextVectors(List<RatingRecord> records, List<float[]> reviewVectors) {
        if (records.size() != reviewVectors.size()) {
            throw new IllegalArgumentException("one review vector per record expected");
        }
        int dim = 0;
        for (int r = 0; r < records.size(); r++) {
            float[] vector = reviewVectors.get(r);
            if (vector == null) {
                continue;
            }
            dim = vector.length;
            RatingRecord record = records.get(r);
            reviewOf.put(record, vector);
            Vectors.addScaled(itemSums.computeIfAbsent(record.itemId(), id -> new float[vector.length]), vector, 1);
            Vectors.addScaled(userSums.computeIfAbsent(record.userId(), id -> new float[vector.length]), vector, 1);
            itemCounts.merge(record.itemId(), 1, Integer::sum);
            userCounts.merge(record.userId(), 1, Integer::sum);
        }
        this.dimension = dim;
    }

    /** Serving vectors of all items with at least one review. */
    public Map<String, float[]> itemVectors() {
        return normalisedSums(itemSums);
    }

    /** Serving vectors of all users with at least one review. */
    public Map<String, float[]> userVectors() {
        return normalisedSums(userSums);
    }

    private static Map<String, float[]> normalisedSums(Map<String, float[]> sums) {
        Map<String, float[]> out = new HashMap<>(sums.size() * 2);
        sums.forEach((id, sum) -> out.put(id, Vectors.normalized(sum)));
        return out;
    }

    @Override
    public float[] itemVector(RatingRecord record) {
        return leaveOneOut(itemSums.get(record.itemId()), record);
    }

    @Override
    public float[] userVector(RatingRecord record) {
        return leaveOneOut(userSums.get(record.userId()), record);
    }

    private float[] leaveOneOut(float[] sum, RatingRecord record) {
        if (sum == null) {
            return null;
        }
        float[] vector = sum.clone();
        float[] own = reviewOf.get(record);
        if (own != null) {
            Vectors.addScaled(vector, own, -1);
        }
        return Vectors.norm(vector) < 1e-6f ? null : Vectors.normalizeInPlace(vector);
    }

    /** Vector length, 0 when no review had a vector. */
    public int dimension() {
        return dimension;
    }
}
