package org.recsys.ml.rank;

/**
 * Maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): picks items one at a time, each maximising
 * {@code lambda * relevance - (1 - lambda) * max similarity to the items already picked}. Works on catalogue
 * positions and keeps, per candidate, its highest similarity to the picks so far, so each step costs one
 * similarity per remaining candidate.
 */
public final class Mmr {

    private Mmr() {
    }

    /**
     * Re-ranks candidates.
     *
     * @param catalogue  the snapshot the positions refer to
     * @param candidates candidate positions
     * @param relevance  relevance of each candidate (same order)
     * @param count      number to pick
     * @param lambda     1 = pure relevance, 0 = pure diversity
     * @return indices into {@code candidates}, in pick order
     */
    public static int[] select(ItemCatalogue catalogue, int[] candidates, double[] relevance, int count,
                               double lambda) {
        int m = candidates.length;
        int picks = Math.min(count, m);
        int[] order = new int[picks];
        boolean[] taken = new boolean[m];
        double[] maxSimilarity = new double[m];
        java.util.Arrays.fill(maxSimilarity, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < picks; p++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m; c++) {
                if (taken[c]) {
                    continue;
                }
                double redundancy = p == 0 ? 0 : Math.max(0, maxSimilarity[c]);
                double value = lambda * relevance[c] - (1 - lambda) * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
            order[p] = best;
            taken[best] = true;
            int picked = candidates[best];
            for (int c = 0; c < m; c++) {
                if (!taken[c]) {
                    maxSimilarity[c] = Math.max(maxSimilarity[c], catalogue.similarity(candidates[c], picked));
                }
            }
        }
        return order;
    }
}
