package org.recsys.ml.rating;

/**
 * Fast scoring for serving: prepare once per user, then score many items without building Tribuo examples.
 * Scores are raw (not clamped).
 */
public interface RatingScorer {

    /**
     * Prepares scoring for one user.
     *
     * @param userId   user id, may be unknown to the model (cold start)
     * @param userSide projected side vector for an unknown user, or {@code null}
     */
    ItemScorer forUser(String userId, float[] userSide);

    /** Scores items for one prepared user. Thread-confined: one per request. */
    @FunctionalInterface
    interface ItemScorer {
        /**
         * @param itemId   item id, may be unknown to the model
         * @param itemSide projected side vector for an unknown item, or {@code null}
         */
        double score(String itemId, float[] itemSide);
    }
}
