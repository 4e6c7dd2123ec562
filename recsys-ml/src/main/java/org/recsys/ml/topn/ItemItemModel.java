package org.recsys.ml.topn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A learnt item-item weight matrix {@code W}, kept as the strongest {@code k} weights of each row: a user with history
 * {@code x} (binary, over the items the model knows) scores item {@code j} as {@code sum_i x_i W[i][j]}. The matrix
 * is fixed between trainings; the history is the user's live profile, so a new like changes the next request's
 * scores without retraining. Immutable and thread-safe.
 */
public final class ItemItemModel {

    private static final int FORMAT = 1;

    private final String algorithm;
    private final Map<String, String> settings;
    private final String[] itemIds;
    private final Map<String, Integer> positions;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] weights;

    ItemItemModel(String algorithm, Map<String, String> settings, String[] itemIds, int[] rowStart, int[] columns,
                  float[] weights) {
        this.algorithm = algorithm;
        this.settings = Map.copyOf(settings);
        this.itemIds = itemIds;
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
        this.positions = new HashMap<>(itemIds.length * 2);
        for (int i = 0; i < itemIds.length; i++) {
            positions.put(itemIds[i], i);
        }
    }

    /**
     * Keeps the {@code k} largest entries of each row of a dense {@code n x n} matrix (row-major, the diagonal
     * ignored); entries at or below zero are dropped, since they can only push an item down a user's list.
     */
    static ItemItemModel fromDense(String algorithm, Map<String, String> settings, String[] itemIds, double[] dense,
                                   int k) {
        int n = itemIds.length;
        SparseRows rows = new SparseRows(n, k);
        float[] row = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                row[j] = i == j ? 0 : (float) dense[i * n + j];
            }
            rows.addRow(i, row);
        }
        return rows.build(algorithm, settings, itemIds);
    }

    /** Builds sparse rows one dense row at a time, keeping the top k positive entries of each. */
    static final class SparseRows {
        private final int k;
        private final int[] rowStart;
        private int[] columns;
        private float[] weights;
        private int size;

        SparseRows(int rows, int k) {
            this.k = k;
            this.rowStart = new int[rows + 1];
            this.columns = new int[Math.max(16, Math.min(rows * k, 1 << 20))];
            this.weights = new float[columns.length];
        }

        void addRow(int i, float[] row) {
            org.recsys.ml.rank.TopK top = new org.recsys.ml.rank.TopK(k);
            for (int j = 0; j < row.length; j++) {
                if (row[j] > 0 && j != i) {
                    top.offer(j, row[j]);
                }
            }
            org.recsys.ml.rank.ScoredItems kept = top.drain();
            if (size + kept.size() > columns.length) {
                int capacity = Math.max(columns.length * 2, size + kept.size());
                columns = Arrays.copyOf(columns, capacity);
                weights = Arrays.copyOf(weights, capacity);
            }
            for (int r = 0; r < kept.size(); r++) {
                columns[size] = kept.items()[r];
                weights[size] = kept.scores()[r];
                size++;
            }
            rowStart[i + 1] = size;
        }

        ItemItemModel build(String algorithm, Map<String, String> settings, String[] itemIds) {
            return new ItemItemModel(algorithm, settings, itemIds, rowStart, Arrays.copyOf(columns, size),
                    Arrays.copyOf(weights, size));
        }
    }

    /** EASE, RP3BETA or ITEM_KNN. */
    public String algorithm() {
        return algorithm;
    }

    /** The settings it was fitted with (e.g. lambda, alpha, beta, neighbours). */
    public Map<String, String> settings() {
        return settings;
    }

    public int items() {
        return itemIds.length;
    }

    /** Stored weights (the model's size). */
    public int nonZeros() {
        return columns.length;
    }

    public String itemId(int position) {
        return itemIds[position];
    }

    /** Position of an item in this model, or -1 when it was not in the training data. */
    public int position(String itemId) {
        Integer position = positions.get(itemId);
        return position == null ? -1 : position;
    }

    /** The positions of the history items this model knows. */
    public int[] positions(Collection<String> history) {
        int[] out = new int[history.size()];
        int n = 0;
        for (String id : history) {
            int position = position(id);
            if (position >= 0) {
                out[n++] = position;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Scores of every item for a history given as model positions (duplicates count once per occurrence). */
    public float[] scores(int[] history) {
        float[] scores = new float[itemIds.length];
        for (int i : history) {
            for (int x = rowStart[i]; x < rowStart[i + 1]; x++) {
                scores[columns[x]] += weights[x];
            }
        }
        return scores;
    }

    /** Scores of every item for a history with a weight per history item. */
    public float[] scores(int[] history, float[] historyWeights) {
        float[] scores = new float[itemIds.length];
        for (int h = 0; h < history.length; h++) {
            int i = history[h];
            float w = historyWeights[h];
            for (int x = rowStart[i]; x < rowStart[i + 1]; x++) {
                scores[columns[x]] += w * weights[x];
            }
        }
        return scores;
    }

    /** {@code W[i][j]}, or 0 when not kept. */
    public float weight(int i, int j) {
        for (int x = rowStart[i]; x < rowStart[i + 1]; x++) {
            if (columns[x] == j) {
                return weights[x];
            }
        }
        return 0;
    }

    /** The history item that adds most to item j's score (the neighbour to name in an explanation), or -1. */
    public int strongestContributor(int[] history, int j) {
        int best = -1;
        float bestWeight = 0;
        for (int i : history) {
            float w = weight(i, j);
            if (w > bestWeight) {
                bestWeight = w;
                best = i;
            }
        }
        return best;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(algorithm);
        out.writeInt(settings.size());
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(itemIds.length);
        for (String id : itemIds) {
            out.writeUTF(id);
        }
        for (int start : rowStart) {
            out.writeInt(start);
        }
        for (int x = 0; x < columns.length; x++) {
            out.writeInt(columns[x]);
            out.writeFloat(weights[x]);
        }
    }

    static ItemItemModel read(DataInputStream in) throws IOException {
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("unknown item-item model format " + format);
        }
        String algorithm = in.readUTF();
        int settingCount = in.readInt();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int s = 0; s < settingCount; s++) {
            settings.put(in.readUTF(), in.readUTF());
        }
        String[] ids = new String[in.readInt()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.readUTF();
        }
        int[] rowStart = new int[ids.length + 1];
        for (int i = 0; i < rowStart.length; i++) {
            rowStart[i] = in.readInt();
        }
        int nonZeros = rowStart[ids.length];
        int[] columns = new int[nonZeros];
        float[] weights = new float[nonZeros];
        for (int x = 0; x < nonZeros; x++) {
            columns[x] = in.readInt();
            weights[x] = in.readFloat();
        }
        return new ItemItemModel(algorithm, settings, ids, rowStart, columns, weights);
    }
}
