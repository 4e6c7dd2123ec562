package org.recsys.ml.rank;

/**
 * Exact cosine top-k by scanning every item: the reference the approximate indices are measured against, and
 * the index for small catalogues.
 */
public final class ExactIndex implements VectorIndex {

    private final float[] vectors;
    private final int size;
    private final int dimension;

    /**
     * @param vectors   unit-length vectors, row-major
     * @param size      number of items covered
     * @param dimension vector length
     */
    public ExactIndex(float[] vectors, int size, int dimension) {
        this.vectors = vectors;
        this.size = size;
        this.dimension = dimension;
    }

    @Override
    public ScoredItems search(float[] query, int k, ItemFilter filter) {
        TopK top = new TopK(k);
        for (int item = 0; item < size; item++) {
            if (filter.accept(item)) {
                top.offer(item, dot(query, item * dimension));
            }
        }
        return top.drain();
    }

    /** Four accumulators let the CPU overlap the multiply-adds (the JIT keeps float sums in order). */
    private float dot(float[] query, int offset) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        for (; d + 3 < dimension; d += 4) {
            s0 += query[d] * vectors[offset + d];
            s1 += query[d + 1] * vectors[offset + d + 1];
            s2 += query[d + 2] * vectors[offset + d + 2];
            s3 += query[d + 3] * vectors[offset + d + 3];
        }
        for (; d < dimension; d++) {
            s0 += query[d] * vectors[offset + d];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public boolean exact() {
        return true;
    }
}
