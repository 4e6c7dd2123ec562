package org.recsys.ml.topn;

import java.util.Map;

/**
 * Item-based k-nearest-neighbour collaborative filtering: the cosine of two items' user sets with a shrink term,
 * {@code |U_i & U_j| / (sqrt(|U_i| |U_j|) + shrink)}, keeping each item's {@code neighbours} most similar items
 * (Sarwar et al., WWW 2001; the shrunk cosine as tuned by Ferrari Dacrema et al., RecSys 2019).
 */
public final class ItemKnnTrainer implements ItemItemTrainer {

    /** Neighbours kept per item. */
    private final int neighbours;
    /** Shrink term: damps similarities built on few co-occurrences. */
    private final double shrink;

    public ItemKnnTrainer(int neighbours, double shrink) {
        this.neighbours = neighbours;
        this.shrink = shrink;
    }

    @Override
    public ItemItemModel fit(Interactions matrix) {
        int n = matrix.items();
        ItemItemModel.SparseRows rows = new ItemItemModel.SparseRows(n, neighbours);
        CoOccurrence co = new CoOccurrence(matrix);
        float[] row = new float[n];
        for (int i = 0; i < n; i++) {
            co.row(i, null);
            double di = matrix.itemDegree(i);
            for (int t = 0; t < co.touchedCount; t++) {
                int j = co.touched[t];
                row[j] = (float) (co.values[j] / (Math.sqrt(di * matrix.itemDegree(j)) + shrink));
            }
            rows.addRow(i, row);
            for (int t = 0; t < co.touchedCount; t++) {
                row[co.touched[t]] = 0;
            }
            co.clear();
        }
        return rows.build("ITEM_KNN", Map.of("neighbours", Integer.toString(neighbours),
                "shrink", Double.toString(shrink)), matrix.itemIds);
    }

    @Override
    public String describe() {
        return "ITEM_KNN(neighbours=" + neighbours + ", shrink=" + shrink + ")";
    }
}
