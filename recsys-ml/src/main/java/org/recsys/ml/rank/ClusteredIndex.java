package org.recsys.ml.rank;

import org.recsys.ml.vector.Vectors;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Inverted-file index: items are partitioned into about {@code sqrt(n)} cells by spherical k-means, and a
 * search scores the cell centroids and scans only the best cells until it has seen enough items (at least
 * {@code probeFactor * k} and {@code minProbes} cells). It reads a few percent of the catalogue per query, so a
 * 10,000-item catalogue is searched in tens of microseconds; the price is that an item in an unvisited cell can
 * be missed. Immutable and thread-safe.
 */
public final class ClusteredIndex implements VectorIndex {

    private static final int PROBE_FACTOR = 6;
    private static final int MIN_PROBES = 2;

    private final float[] vectors;
    private final int dimension;
    private final float[] centroids;
    private final int cells;
    /** Items of each cell, CSR. */
    private final int[] cellStart;
    private final int[] cellItems;

    private ClusteredIndex(float[] vectors, int dimension, float[] centroids, int cells, int[] cellStart,
                           int[] cellItems) {
        this.vectors = vectors;
        this.dimension = dimension;
        this.centroids = centroids;
        this.cells = cells;
        this.cellStart = cellStart;
        this.cellItems = cellItems;
    }

    /** Partitions the first {@code size} vectors with seeded spherical k-means (a few Lloyd iterations). */
    public static ClusteredIndex build(float[] vectors, int size, int dimension, long seed) {
        int cells = Math.max(1, (int) Math.round(Math.sqrt(size)));
        SplittableRandom random = new SplittableRandom(seed);
        float[] centroids = new float[cells * dimension];
        // Seeds: distinct random items (k-means++ would cost O(n k) more and gains little for partitioning).
        int[] permutation = new int[size];
        for (int i = 0; i < size; i++) {
            permutation[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = tmp;
        }
        for (int c = 0; c < cells; c++) {
            System.arraycopy(vectors, permutation[c % Math.max(1, size)] * dimension, centroids, c * dimension,
                    dimension);
        }
        int[] assignment = new int[size];
        for (int iteration = 0; iteration < 8; iteration++) {
            for (int item = 0; item < size; item++) {
                assignment[item] = nearestCell(vectors, item * dimension, centroids, cells, dimension);
            }
            float[] sums = new float[cells * dimension];
            int[] counts = new int[cells];
            for (int item = 0; item < size; item++) {
                int c = assignment[item];
                counts[c]++;
                int offset = item * dimension;
                int centroidOffset = c * dimension;
                for (int d = 0; d < dimension; d++) {
                    sums[centroidOffset + d] += vectors[offset + d];
                }
            }
            for (int c = 0; c < cells; c++) {
                if (counts[c] == 0) {
                    continue; // an empty cell keeps its old centroid
                }
                double norm = 0;
                for (int d = 0; d < dimension; d++) {
                    norm += sums[c * dimension + d] * sums[c * dimension + d];
                }
                float inverse = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
                for (int d = 0; d < dimension; d++) {
                    centroids[c * dimension + d] = sums[c * dimension + d] * inverse;
                }
            }
        }
        for (int item = 0; item < size; item++) {
            assignment[item] = nearestCell(vectors, item * dimension, centroids, cells, dimension);
        }
        int[] cellStart = new int[cells + 1];
        for (int item = 0; item < size; item++) {
            cellStart[assignment[item] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = Arrays.copyOf(cellStart, cells);
        int[] cellItems = new int[size];
        for (int item = 0; item < size; item++) {
            cellItems[fill[assignment[item]]++] = item;
        }
        return new ClusteredIndex(vectors, dimension, centroids, cells, cellStart, cellItems);
    }

    private static int nearestCell(float[] vectors, int offset, float[] centroids, int cells, int dimension) {
        int best = 0;
        float bestScore = -Float.MAX_VALUE;
        for (int c = 0; c < cells; c++) {
            float score = Vectors.dot(vectors, offset, centroids, c * dimension, dimension);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Number of cells. */
    public int cells() {
        return cells;
    }

    @Override
    public ScoredItems search(float[] query, int k, ItemFilter filter) {
        float[] cellScores = new float[cells];
        for (int c = 0; c < cells; c++) {
            cellScores[c] = dot(query, centroids, c * dimension);
        }
        // Visit cells best first; selection by repeated max keeps it allocation-free and cells are few.
        boolean[] visited = new boolean[cells];
        TopK top = new TopK(k);
        int seen = 0;
        int probes = 0;
        int wanted = PROBE_FACTOR * k;
        while (probes < cells && (probes < MIN_PROBES || seen < wanted)) {
            int cell = -1;
            float best = -Float.MAX_VALUE;
            for (int c = 0; c < cells; c++) {
                if (!visited[c] && cellScores[c] > best) {
                    best = cellScores[c];
                    cell = c;
                }
            }
            visited[cell] = true;
            probes++;
            for (int x = cellStart[cell]; x < cellStart[cell + 1]; x++) {
                int item = cellItems[x];
                if (filter.accept(item)) {
                    seen++;
                    top.offer(item, dot(query, vectors, item * dimension));
                }
            }
        }
        return top.drain();
    }

    private float dot(float[] query, float[] matrix, int offset) {
        return Vectors.dot(query, 0, matrix, offset, dimension);
    }

    @Override
    public boolean exact() {
        return false;
    }
}
