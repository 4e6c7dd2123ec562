package org.recsys.ml.rank;

/**
 * Exact cosine top-k by scanning every item of a range: the reference the approximate index is measured against,
 * the index of small catalogues, and the search over items appended since the graph last caught up.
 */
public final class ExactIndex implements VectorIndex {

    private final float[][] rows;
    private final Int8Vector[] quantised;
    private final int from;
    private final int to;

    /**
     * Over float vectors: the reference that recall is measured against.
     *
     * @param rows unit-length vectors by position
     * @param from first position covered
     * @param to   end of the positions covered (exclusive)
     */
    public ExactIndex(float[][] rows, int from, int to) {
        this(rows, null, from, to);
    }

    /** Over a catalogue's quantised vectors: what its searches scan. */
    ExactIndex(Int8Vector[] rows, int from, int to) {
        this(null, rows, from, to);
    }

    private ExactIndex(float[][] rows, Int8Vector[] quantised, int from, int to) {
        this.rows = rows;
        this.quantised = quantised;
        this.from = from;
        this.to = to;
    }

    @Override
    public ScoredItems search(float[] query, int k, ItemFilter filter) {
        TopK top = new TopK(k);
        scan(query, filter, top);
        return top.drain();
    }

    /** Offers every accepted item of the range to {@code top}. */
    void scan(float[] query, ItemFilter filter, TopK top) {
        if (quantised != null) {
            for (int item = from; item < to; item++) {
                if (filter.accept(item)) {
                    top.offer(item, quantised[item].dot(query));
                }
            }
            return;
        }
        for (int item = from; item < to; item++) {
            if (filter.accept(item)) {
                top.offer(item, dot(query, rows[item]));
            }
        }
    }

    /** Four accumulators let the CPU overlap the multiply-adds (the JIT keeps float sums in order). */
    static float dot(float[] query, float[] row) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        int dimension = query.length;
        for (; d + 3 < dimension; d += 4) {
            s0 += query[d] * row[d];
            s1 += query[d + 1] * row[d + 1];
            s2 += query[d + 2] * row[d + 2];
            s3 += query[d + 3] * row[d + 3];
        }
        for (; d < dimension; d++) {
            s0 += query[d] * row[d];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public boolean exact() {
        return true;
    }
}
