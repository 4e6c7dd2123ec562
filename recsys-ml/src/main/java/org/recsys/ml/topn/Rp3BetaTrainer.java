package org.recsys.ml.topn;

import java.util.Map;

/**
 * RP3beta (Paudel, Christoffel, Newell and Bernstein, ACM TiiS 2017; tuned as in Ferrari Dacrema et al., RecSys
 * 2019): the three-step random-walk probability item -> user -> item with the transition probabilities raised to
 * {@code alpha}, divided by the target item's popularity to the power {@code beta} so that the walk does not end on
 * the bestsellers every time; each item keeps its {@code neighbours} strongest targets. Sparse throughout: the cost
 * is the sum of the squared user degrees, so it fits catalogues far beyond a dense matrix.
 */
public final class Rp3BetaTrainer implements ItemItemTrainer {

    private final double alpha;
    private final double beta;
    private final int neighbours;

    public Rp3BetaTrainer(double alpha, double beta, int neighbours) {
        this.alpha = alpha;
        this.beta = beta;
        this.neighbours = neighbours;
    }

    @Override
    public ItemItemModel fit(Interactions matrix) {
        int n = matrix.items();
        float[] userStep = new float[matrix.users()];
        for (int u = 0; u < userStep.length; u++) {
            userStep[u] = (float) Math.pow(1.0 / Math.max(1, matrix.userDegree(u)), alpha);
        }
        ItemItemModel.SparseRows rows = new ItemItemModel.SparseRows(n, neighbours);
        CoOccurrence co = new CoOccurrence(matrix);
        float[] row = new float[n];
        for (int i = 0; i < n; i++) {
            co.row(i, userStep);
            double itemStep = Math.pow(1.0 / Math.max(1, matrix.itemDegree(i)), alpha);
            for (int t = 0; t < co.touchedCount; t++) {
                int j = co.touched[t];
                row[j] = (float) (itemStep * co.values[j] / Math.pow(Math.max(1, matrix.itemDegree(j)), beta));
            }
            rows.addRow(i, row);
            for (int t = 0; t < co.touchedCount; t++) {
                row[co.touched[t]] = 0;
            }
            co.clear();
        }
        return rows.build("RP3BETA", Map.of("alpha", Double.toString(alpha), "beta", Double.toString(beta),
                "neighbours", Integer.toString(neighbours)), matrix.itemIds);
    }

    @Override
    public String describe() {
        return "RP3BETA(alpha=" + alpha + ", beta=" + beta + ", neighbours=" + neighbours + ")";
    }
}
