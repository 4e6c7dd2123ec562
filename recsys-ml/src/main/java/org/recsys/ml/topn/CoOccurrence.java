package org.recsys.ml.topn;

/**
 * One row of the item-item co-occurrence of an interaction matrix at a time, through a reused dense accumulator
 * that remembers which columns it touched: a row costs the sum of the degrees of the item's users, not the
 * catalogue size.
 */
final class CoOccurrence {

    private final Interactions matrix;
    final float[] values;
    final int[] touched;
    int touchedCount;

    CoOccurrence(Interactions matrix) {
        this.matrix = matrix;
        this.values = new float[matrix.items()];
        this.touched = new int[matrix.items()];
    }

    /**
     * Accumulates {@code sum over users u of item i of userWeight[u] * [u has j]} into {@link #values}; call
     * {@link #clear()} before the next row.
     */
    void row(int i, float[] userWeight) {
        for (int x = matrix.itemStart[i]; x < matrix.itemStart[i + 1]; x++) {
            int u = matrix.itemUsers[x];
            float w = userWeight == null ? 1f : userWeight[u];
            for (int y = matrix.userStart[u]; y < matrix.userStart[u + 1]; y++) {
                int j = matrix.userItems[y];
                if (values[j] == 0) {
                    touched[touchedCount++] = j;
                }
                values[j] += w;
            }
        }
    }

    void clear() {
        for (int t = 0; t < touchedCount; t++) {
            values[touched[t]] = 0;
        }
        touchedCount = 0;
    }
}
