package org.recsys.ml.rank;

/**
 * Nearest-neighbour search by cosine similarity over the unit-length item vectors of one catalogue snapshot.
 * Implementations are immutable once built and safe for concurrent searches unless stated otherwise.
 */
public interface VectorIndex {

    /**
     * The (approximately) {@code k} most similar accepted items.
     *
     * @param query  unit-length query vector
     * @param k      number of items wanted
     * @param filter items to consider
     * @return items with cosine similarities, best first
     */
    ScoredItems search(float[] query, int k, ItemFilter filter);

    /** True when results are exact. */
    boolean exact();
}
