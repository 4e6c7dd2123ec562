package org.recsys.ml.topn;

import java.util.Map;

/**
 * The items' text similarities as a Gram matrix over the items of one {@link Interactions} matrix, in its item
 * order: entry {@code (i, j)} is the cosine of the two items' text vectors after the catalogue's mean vector is taken
 * off each. Centring matters: sentence embeddings of one catalogue share a common direction, so raw cosines are
 * nearly all positive and would add a near-constant to every pair, a popularity term rather than a similarity.
 * Items without a vector get a zero row and column (no text evidence either way).
 * Used by {@link EaseTrainer} as side information (Jeunen, Van Balen and Goethals, "Closed-Form Models for
 * Collaborative Filtering with Side-Information", RecSys 2020).
 */
public final class ItemTextGram {

    private final int items;
    private final float[] similarities;
    private final int withText;

    private ItemTextGram(int items, float[] similarities, int withText) {
        this.items = items;
        this.similarities = similarities;
        this.withText = withText;
    }

    /**
     * The Gram matrix of the matrix's items, or null when fewer than two of them have a vector of the given
     * dimension (nothing to learn from text).
     */
    public static ItemTextGram of(Interactions matrix, Map<String, float[]> itemVectors, int dimension) {
        int n = matrix.items();
        double[][] centred = new double[n][];
        double[] mean = new double[dimension];
        int withText = 0;
        for (int i = 0; i < n; i++) {
            float[] vector = itemVectors.get(matrix.itemIds[i]);
            if (vector != null && vector.length == dimension) {
                centred[i] = unit(vector);
                withText++;
                for (int d = 0; d < dimension; d++) {
                    mean[d] += centred[i][d];
                }
            }
        }
        if (withText < 2) {
            return null;
        }
        for (int d = 0; d < dimension; d++) {
            mean[d] /= withText;
        }
        for (double[] vector : centred) {
            if (vector != null) {
                for (int d = 0; d < dimension; d++) {
                    vector[d] -= mean[d];
                }
                normalise(vector);
            }
        }
        float[] similarities = new float[n * n];
        for (int i = 0; i < n; i++) {
            if (centred[i] == null) {
                continue;
            }
            for (int j = i; j < n; j++) {
                if (centred[j] == null) {
                    continue;
                }
                double dot = 0;
                for (int d = 0; d < dimension; d++) {
                    dot += centred[i][d] * centred[j][d];
                }
                similarities[i * n + j] = (float) dot;
                similarities[j * n + i] = (float) dot;
            }
        }
        return new ItemTextGram(n, similarities, withText);
    }

    /** Items of the matrix it was built for. */
    int items() {
        return items;
    }

    /** Items that have a text vector. */
    public int withText() {
        return withText;
    }

    /** Adds {@code weight} times the similarities to a dense row-major {@code n x n} matrix. */
    void addTo(double[] gram, double weight) {
        for (int e = 0; e < similarities.length; e++) {
            gram[e] += weight * similarities[e];
        }
    }

    private static double[] unit(float[] vector) {
        double[] out = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            out[d] = vector[d];
        }
        normalise(out);
        return out;
    }

    private static void normalise(double[] vector) {
        double norm = 0;
        for (double x : vector) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int d = 0; d < vector.length; d++) {
                vector[d] /= norm;
            }
        }
    }
}
