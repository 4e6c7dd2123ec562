package org.recsys.ml.rating;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;

/**
 * Item-based k-nearest-neighbour rating model on top of baseline predictors (Koren, "Factor in the Neighbors:
 * Scalable and Accurate Collaborative Filtering", ACM TKDD 2010, sections 2.1-2.2; the "KNNBaseline" of
 * Surprise). Baselines b_ui = mu + b_u + b_i are fitted by alternating least squares; item similarity is the
 * Pearson correlation of baseline residuals over common raters, shrunk by n_ij / (n_ij + shrinkage). Only the
 * {@code storedNeighbours} most similar items with positive similarity are kept per item, which bounds memory at
 * {@code items x storedNeighbours}. Its errors differ from those of the factor models, which makes it a useful
 * member of a {@link BlendTrainer}.
 */
public final class NeighbourhoodTrainer implements Trainer<Regressor> {

    @Config(description = "Neighbours used per prediction (k).")
    private int neighbours = 40;
    @Config(description = "Neighbours kept per item.")
    private int storedNeighbours = 300;
    @Config(description = "Similarity shrinkage constant.")
    private double shrinkage = 100;
    @Config(description = "ALS baseline: penalty on user biases.")
    private double userBiasRegularisation = 15;
    @Config(description = "ALS baseline: penalty on item biases.")
    private double itemBiasRegularisation = 10;
    @Config(description = "ALS baseline iterations.")
    private int baselineIterations = 10;

    private int trainInvocationCounter;

    /** Defaults as in the class comment (k = 40, shrinkage 100). */
    public NeighbourhoodTrainer() {
    }

    /**
     * @param neighbours neighbours per prediction
     * @param shrinkage  similarity shrinkage
     */
    public NeighbourhoodTrainer(int neighbours, double shrinkage) {
        this.neighbours = neighbours;
        this.shrinkage = shrinkage;
    }

    @Override
    public NeighbourhoodModel train(Dataset<Regressor> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public NeighbourhoodModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized NeighbourhoodModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
                                                 int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        trainInvocationCounter++;
        RatingTable table = RatingTable.from(examples);
        int users = table.userCount();
        int items = table.itemCount();
        int n = table.size();
        double sum = 0;
        for (float r : table.ratings) {
            sum += r;
        }
        float mean = (float) (sum / n);
        float[] bu = new float[users];
        float[] bi = new float[items];
        fitBaselines(table, mean, bu, bi);

        // Per-user CSR sorted by item, with residuals.
        int[] userStart = new int[users + 1];
        for (int r = 0; r < n; r++) {
            userStart[table.users[r] + 1]++;
        }
        for (int u = 0; u < users; u++) {
            userStart[u + 1] += userStart[u];
        }
        long[] packed = new long[n]; // (user << 32 | item) sorts rows by user then item
        for (int r = 0; r < n; r++) {
            packed[r] = ((long) table.users[r] << 32) | table.items[r];
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Long.compare(packed[a], packed[b]));
        int[] userItems = new int[n];
        float[] residuals = new float[n];
        for (int x = 0; x < n; x++) {
            int r = order[x];
            userItems[x] = table.items[r];
            residuals[x] = table.ratings[r] - mean - bu[table.users[r]] - bi[table.items[r]];
        }
        // Item -> raters CSR.
        int[] itemStart = new int[items + 1];
        for (int x = 0; x < n; x++) {
            itemStart[userItems[x] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        int[] itemUsers = new int[n];
        float[] itemResiduals = new float[n];
        int[] fill = itemStart.clone();
        for (int u = 0; u < users; u++) {
            for (int x = userStart[u]; x < userStart[u + 1]; x++) {
                int slot = fill[userItems[x]]++;
                itemUsers[slot] = u;
                itemResiduals[slot] = residuals[x];
            }
        }
        // One similarity row at a time: O(items) scratch memory, top-M kept per row.
        int keep = Math.min(storedNeighbours, Math.max(0, items - 1));
        int[] neighbourStart = new int[items + 1];
        int[][] rowItems = new int[items][];
        float[][] rowSims = new float[items][];
        float[] products = new float[items];
        float[] squaresI = new float[items];
        float[] squaresJ = new float[items];
        int[] counts = new int[items];
        int[] touched = new int[items];
        for (int i = 0; i < items; i++) {
            int touchedCount = 0;
            for (int x = itemStart[i]; x < itemStart[i + 1]; x++) {
                int u = itemUsers[x];
                float ei = itemResiduals[x];
                for (int y = userStart[u]; y < userStart[u + 1]; y++) {
                    int j = userItems[y];
                    if (j == i) {
                        continue;
                    }
                    if (counts[j] == 0) {
                        touched[touchedCount++] = j;
                    }
                    float ej = residuals[y];
                    counts[j]++;
                    products[j] += ei * ej;
                    squaresI[j] += ei * ei;
                    squaresJ[j] += ej * ej;
                }
            }
            int[] candidates = new int[touchedCount];
            float[] sims = new float[touchedCount];
            int positive = 0;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                double denominator = Math.sqrt((double) squaresI[j] * squaresJ[j]);
                if (counts[j] > 1 && denominator > 0) {
                    double similarity = products[j] / denominator * (counts[j] - 1) / (counts[j] - 1 + shrinkage);
                    if (similarity > 0) {
                        candidates[positive] = j;
                        sims[positive++] = (float) similarity;
                    }
                }
                counts[j] = 0;
                products[j] = 0;
                squaresI[j] = 0;
                squaresJ[j] = 0;
            }
            int[] byScore = topIndices(sims, positive, keep);
            rowItems[i] = new int[byScore.length];
            rowSims[i] = new float[byScore.length];
            for (int s = 0; s < byScore.length; s++) {
                rowItems[i][s] = candidates[byScore[s]];
                rowSims[i][s] = sims[byScore[s]];
            }
            neighbourStart[i + 1] = neighbourStart[i] + byScore.length;
        }
        int[] neighbourItems = new int[neighbourStart[items]];
        float[] neighbourSims = new float[neighbourStart[items]];
        for (int i = 0; i < items; i++) {
            System.arraycopy(rowItems[i], 0, neighbourItems, neighbourStart[i], rowItems[i].length);
            System.arraycopy(rowSims[i], 0, neighbourSims, neighbourStart[i], rowSims[i].length);
        }
        ModelProvenance provenance = new ModelProvenance(NeighbourhoodModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new NeighbourhoodModel("item-knn-baseline", provenance, examples.getFeatureIDMap(),
                examples.getOutputIDInfo(), table.userIds, table.itemIds, neighbours, mean, bu, bi, userStart,
                userItems, residuals, neighbourStart, neighbourItems, neighbourSims);
    }

    /** Indices of the {@code keep} largest of {@code values[0..count)}, largest first. */
    private static int[] topIndices(float[] values, int count, int keep) {
        Integer[] order = new Integer[count];
        for (int x = 0; x < count; x++) {
            order[x] = x;
        }
        Arrays.sort(order, (a, b) -> Float.compare(values[b], values[a]));
        int size = Math.min(keep, count);
        int[] top = new int[size];
        for (int x = 0; x < size; x++) {
            top[x] = order[x];
        }
        return top;
    }

    private void fitBaselines(RatingTable table, float mean, float[] bu, float[] bi) {
        int n = table.size();
        double[] sums = new double[Math.max(bu.length, bi.length)];
        int[] counts = new int[sums.length];
        for (int iteration = 0; iteration < baselineIterations; iteration++) {
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int r = 0; r < n; r++) {
                sums[table.items[r]] += table.ratings[r] - mean - bu[table.users[r]];
                counts[table.items[r]]++;
            }
            for (int i = 0; i < bi.length; i++) {
                bi[i] = (float) (sums[i] / (itemBiasRegularisation + counts[i]));
            }
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int r = 0; r < n; r++) {
                sums[table.users[r]] += table.ratings[r] - mean - bi[table.items[r]];
                counts[table.users[r]]++;
            }
            for (int u = 0; u < bu.length; u++) {
                bu[u] = (float) (sums[u] / (userBiasRegularisation + counts[u]));
            }
        }
    }

    @Override
    public int getInvocationCount() {
        return trainInvocationCounter;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        this.trainInvocationCounter = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "NeighbourhoodTrainer(k=" + neighbours + ",shrinkage=" + shrinkage + ")";
    }
}
