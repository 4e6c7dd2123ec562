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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/**
 * Regularised latent-factor rating model trained by stochastic gradient descent, covering three classic models
 * with one parameterisation:
 * <ul>
 *   <li>{@code factors = 0}: the user + item bias baseline (Koren, "Factor in the Neighbors", TKDD 2010, eq. 2);</li>
 *   <li>{@code implicitFeedback = false}: biased matrix factorisation (Koren, Bell and Volinsky, "Matrix
 *       Factorization Techniques for Recommender Systems", IEEE Computer 2009);</li>
 *   <li>{@code implicitFeedback = true}: SVD++ (Koren, "Factorization Meets the Neighborhood", KDD 2008), with the
 *       per-user batched update of the implicit factors.</li>
 * </ul>
 * With {@code sideFeatures = true} the projected text vectors of item and user ({@link RatingFeatures}) enter as
 * a linear term and through learned projections into the factor space, as side features do in a factorization
 * machine (Rendle, ICDM 2010): this is what lets the model score a new user or item from its text alone.
 * <p>
 * Unlike Tribuo 4.3's {@code FMRegressionTrainer} every parameter group has its own L2 penalty, the learning rate
 * decays per epoch, and training stops early: a seeded {@code validationFraction} of the ratings is held out,
 * training stops after {@code patience} epochs without improvement of the validation RMSE, and (with
 * {@code refit}) the model is retrained on all ratings for the best number of epochs. Rendle et al. ("On the
 * Difficulty of Evaluating Baselines", 2019) show that such carefully tuned SGD matrix factorisation is a strong
 * baseline; the defaults here were tuned on MovieLens 100K validation splits.
 */
public final class FactorizationTrainer implements Trainer<Regressor> {

    private static final Logger LOG = Logger.getLogger(FactorizationTrainer.class.getName());

    @Config(description = "Number of latent factors; 0 trains the bias-only baseline.")
    private int factors = 64;
    @Config(description = "Upper bound on training epochs.")
    private int maxEpochs = 60;
    @Config(description = "Initial SGD learning rate for factors and biases.")
    private double learningRate = 0.007;
    @Config(description = "Multiplicative learning-rate decay per epoch.")
    private double learningRateDecay = 0.96;
    @Config(description = "L2 penalty on user and item biases.")
    private double biasRegularisation = 0.02;
    @Config(description = "L2 penalty on user and item factors.")
    private double factorRegularisation = 0.06;
    @Config(description = "L2 penalty on the implicit-feedback factors y_j.")
    private double implicitRegularisation = 0.06;
    @Config(description = "Learning rate of the side-feature weights.")
    private double sideLearningRate = 0.002;
    @Config(description = "Full-batch step size of the linear side-feature weights, once per epoch.")
    private double linearSideRate = 0.5;
    @Config(description = "L2 penalty on the side-feature weights.")
    private double sideRegularisation = 0.02;
    @Config(description = "Standard deviation of the initial factors.")
    private double initialStd = 0.1;
    @Config(description = "Use implicit feedback N(u) (SVD++).")
    private boolean implicitFeedback = false;
    @Config(description = "Use the itemSide./userSide. features when present.")
    private boolean sideFeatures = true;
    @Config(description = "Share of ratings held out to choose the number of epochs; 0 trains maxEpochs.")
    private double validationFraction = 0.1;
    @Config(description = "Epochs without validation improvement before stopping.")
    private int patience = 3;
    @Config(description = "Retrain on all ratings for the best epoch count after early stopping.")
    private boolean refit = true;
    @Config(description = "Seed of the random number generator.")
    private long seed = Trainer.DEFAULT_SEED;

    private int trainInvocationCounter;
    private int lastBestEpochs;

    /** For OLCUT configuration. */
    private FactorizationTrainer() {
    }

    /** A trainer with the given settings; see the field descriptions. */
    public FactorizationTrainer(int factors, boolean implicitFeedback, boolean sideFeatures, int maxEpochs,
                                double learningRate, double factorRegularisation, double biasRegularisation,
                                long seed) {
        this.factors = factors;
        this.implicitFeedback = implicitFeedback;
        this.sideFeatures = sideFeatures;
        this.maxEpochs = maxEpochs;
        this.learningRate = learningRate;
        this.factorRegularisation = factorRegularisation;
        this.implicitRegularisation = factorRegularisation;
        this.biasRegularisation = biasRegularisation;
        this.seed = seed;
    }

    /** Tuned user + item bias baseline. */
    public static FactorizationTrainer biasBaseline(long seed) {
        FactorizationTrainer trainer = new FactorizationTrainer(0, false, false, 40, 0.01, 0, 0.03, seed);
        trainer.learningRateDecay = 0.95;
        return trainer;
    }

    /** Tuned biased matrix factorisation on ids only. */
    public static FactorizationTrainer matrixFactorization(long seed) {
        return new FactorizationTrainer(64, false, false, 60, 0.007, 0.06, 0.02, seed);
    }

    /** SVD++ with text side features: the library's text-aware rating model. */
    public static FactorizationTrainer textAwareSvdPlusPlus(long seed) {
        return new FactorizationTrainer(64, true, true, 60, 0.007, 0.06, 0.02, seed);
    }

    /** Sets the early-stopping options; returns this trainer. */
    public FactorizationTrainer withEarlyStopping(double validationFraction, int patience, boolean refit) {
        this.validationFraction = validationFraction;
        this.patience = patience;
        this.refit = refit;
        return this;
    }

    /** Sets the learning-rate schedule and initial factor scale; returns this trainer. */
    public FactorizationTrainer withSchedule(double learningRate, double learningRateDecay, double initialStd) {
        this.learningRate = learningRate;
        this.learningRateDecay = learningRateDecay;
        this.initialStd = initialStd;
        return this;
    }

    /**
     * Sets the side-feature rates: per-rating SGD rate of the side projections, per-epoch full-batch step of the
     * linear side weights, and their L2 penalty; returns this trainer.
     */
    public FactorizationTrainer withSideRates(double sideLearningRate, double linearSideRate,
                                              double sideRegularisation) {
        this.sideLearningRate = sideLearningRate;
        this.linearSideRate = linearSideRate;
        this.sideRegularisation = sideRegularisation;
        return this;
    }

    /** Sets the implicit-factor penalty; returns this trainer. */
    public FactorizationTrainer withImplicitRegularisation(double implicitRegularisation) {
        this.implicitRegularisation = implicitRegularisation;
        return this;
    }

    /**
     * A copy of this trainer that trains exactly {@code epochs} epochs on all data, without a validation split
     * (used to refit a blend member with the epoch count found earlier).
     */
    public FactorizationTrainer withFixedEpochs(int epochs) {
        FactorizationTrainer copy = copy();
        copy.maxEpochs = epochs;
        copy.validationFraction = 0;
        return copy;
    }

    /**
     * A copy of this trainer that keeps the early-stopped model trained on the data minus its validation split
     * instead of retraining on all of it (a blend's first pass, which only needs validation predictions).
     */
    public FactorizationTrainer withoutRefit() {
        FactorizationTrainer copy = copy();
        copy.refit = false;
        return copy;
    }

    private FactorizationTrainer copy() {
        FactorizationTrainer copy = new FactorizationTrainer(factors, implicitFeedback, sideFeatures, maxEpochs,
                learningRate, factorRegularisation, biasRegularisation, seed);
        copy.learningRateDecay = learningRateDecay;
        copy.implicitRegularisation = implicitRegularisation;
        copy.sideLearningRate = sideLearningRate;
        copy.sideRegularisation = sideRegularisation;
        copy.linearSideRate = linearSideRate;
        copy.initialStd = initialStd;
        copy.validationFraction = validationFraction;
        copy.patience = patience;
        copy.refit = refit;
        return copy;
    }

    /** Epoch count chosen by early stopping in the last {@code train} call. */
    public int lastBestEpochs() {
        return lastBestEpochs;
    }

    @Override
    public FactorizationModel train(Dataset<Regressor> examples) {
        return train(examples, java.util.Collections.emptyMap());
    }

    @Override
    public FactorizationModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized FactorizationModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
                                                 int invocationCount) {
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        SplittableRandom random = new SplittableRandom(seed + trainInvocationCounter);
        trainInvocationCounter++;
        RatingTable table = RatingTable.from(examples);
        int n = table.size();
        int epochs = maxEpochs;
        Sgd sgd;
        if (validationFraction > 0 && n >= 20) {
            boolean[] validation = new boolean[n];
            for (int r = 0; r < n; r++) {
                validation[r] = random.nextDouble() < validationFraction;
            }
            sgd = new Sgd(table, validation, random.split());
            epochs = sgd.run(maxEpochs, true);
            if (refit) {
                sgd = new Sgd(table, null, random.split());
                sgd.run(epochs, false);
            }
        } else {
            sgd = new Sgd(table, null, random.split());
            sgd.run(epochs, false);
        }
        lastBestEpochs = epochs;
        ModelProvenance provenance = new ModelProvenance(FactorizationModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return sgd.toModel(provenance, examples);
    }

    @Override
    public int getInvocationCount() {
        return trainInvocationCounter;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("invocation count must be non-negative");
        }
        this.trainInvocationCounter = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "FactorizationTrainer(factors=" + factors + ",implicit=" + implicitFeedback + ",side=" + sideFeatures
                + ",lr=" + learningRate + ",regFactors=" + factorRegularisation + ",regBias=" + biasRegularisation
                + ",maxEpochs=" + maxEpochs + ")";
    }

    /** One SGD run over a rating table; parameters live in flat float arrays. */
    private final class Sgd {
        final RatingTable table;
        final int k = factors;
        final int d;
        final int users;
        final int items;
        /** Training ratings grouped by user (CSR over rating rows). */
        final int[] userStart;
        final int[] rows;
        final int[] validationRows;
        final SplittableRandom random;
        final float mean;
        float minRating = Float.MAX_VALUE;
        float maxRating = -Float.MAX_VALUE;
        final float[] bu;
        final float[] bi;
        final float[] p;
        final float[] q;
        final float[] y;
        final float[] au;
        final float[] ai;
        final float[] wu;
        final float[] wi;

        Sgd(RatingTable table, boolean[] validation, SplittableRandom random) {
            this.table = table;
            this.random = random;
            this.users = table.userCount();
            this.items = table.itemCount();
            this.d = sideFeatures ? table.sideDimensions : 0;
            int n = table.size();
            int trainCount = 0;
            int[] counts = new int[users + 1];
            double sum = 0;
            for (int r = 0; r < n; r++) {
                if (validation == null || !validation[r]) {
                    counts[table.users[r] + 1]++;
                    trainCount++;
                    sum += table.ratings[r];
                    minRating = Math.min(minRating, table.ratings[r]);
                    maxRating = Math.max(maxRating, table.ratings[r]);
                }
            }
            this.mean = (float) (sum / Math.max(1, trainCount));
            this.userStart = new int[users + 1];
            for (int u = 0; u < users; u++) {
                userStart[u + 1] = userStart[u] + counts[u + 1];
            }
            this.rows = new int[trainCount];
            int[] fill = userStart.clone();
            this.validationRows = new int[n - trainCount];
            int v = 0;
            for (int r = 0; r < n; r++) {
                if (validation == null || !validation[r]) {
                    rows[fill[table.users[r]]++] = r;
                } else {
                    validationRows[v++] = r;
                }
            }
            bu = new float[users];
            bi = new float[items];
            p = gaussian(users * k);
            q = gaussian(items * k);
            y = implicitFeedback ? gaussian(items * k) : new float[0];
            au = new float[d];
            ai = new float[d];
            wu = new float[k * d];
            wi = new float[k * d];
        }

        private float[] gaussian(int size) {
            float[] values = new float[size];
            for (int j = 0; j < size; j++) {
                values[j] = (float) (gaussianSample() * initialStd);
            }
            return values;
        }

        private double gaussianSample() {
            // Box-Muller; SplittableRandom has no nextGaussian in Java 17
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }

        /** Trains; returns the number of epochs kept (the best one when monitoring). */
        int run(int epochCount, boolean monitor) {
            int[] userOrder = new int[users];
            for (int u = 0; u < users; u++) {
                userOrder[u] = u;
            }
            float[] implicitSum = new float[k];
            float[] implicitGradient = new float[k];
            float[] sideUser = new float[k];
            float[] userVector = new float[k];
            float[] itemVector = new float[k];
            float[] itemSideVector = new float[k];
            double lr = learningRate;
            double best = Double.MAX_VALUE;
            int bestEpoch = epochCount;
            int sinceBest = 0;
            float lrSide = (float) sideLearningRate;
            float[] itemLinearGradient = new float[d];
            float[] userLinearGradient = new float[d];
            float trainSize = Math.max(1, rows.length);
            float regSide = (float) sideRegularisation;
            // With one side vector per user and per item (texts without leave-one-out) the projections are
            // computed once per epoch and entity instead of once per rating.
            boolean entitySide = d > 0 && table.itemSideConstant && table.userSideConstant;
            float[] itemLinearCache = entitySide ? new float[items] : null;
            float[] itemProjectionCache = entitySide ? new float[items * k] : null;
            float[] itemProjectionGradient = entitySide ? new float[items * k] : null;
            float[] itemErrorSum = entitySide ? new float[items] : null;
            float[] userProjectionGradient = new float[k];
            for (int epoch = 1; epoch <= epochCount; epoch++) {
                shuffle(userOrder, 0, users);
                float rate = (float) lr;
                float regB = (float) biasRegularisation;
                float regF = (float) factorRegularisation;
                float regY = (float) implicitRegularisation;
                if (entitySide) {
                    for (int i = 0; i < items; i++) {
                        itemLinearCache[i] = dotSide(ai, table.itemSide, i * d);
                        projectSide(wi, table.itemSide, i * d, itemSideVector);
                        System.arraycopy(itemSideVector, 0, itemProjectionCache, i * k, k);
                    }
                    java.util.Arrays.fill(itemProjectionGradient, 0);
                    java.util.Arrays.fill(itemErrorSum, 0);
                }
                for (int u : userOrder) {
                    int from = userStart[u];
                    int to = userStart[u + 1];
                    if (from == to) {
                        continue;
                    }
                    shuffle(rows, from, to);
                    float implicitScale = 0;
                    if (implicitFeedback) {
                        implicitScale = (float) (1 / Math.sqrt(to - from));
                        java.util.Arrays.fill(implicitSum, 0);
                        java.util.Arrays.fill(implicitGradient, 0);
                        for (int x = from; x < to; x++) {
                            addRow(implicitSum, y, table.items[rows[x]] * k, implicitScale);
                        }
                    }
                    float userLinearCache = 0;
                    float userErrorSum = 0;
                    if (entitySide) {
                        userLinearCache = dotSide(au, table.userSide, u * d);
                        projectSide(wu, table.userSide, u * d, sideUser);
                        java.util.Arrays.fill(userProjectionGradient, 0);
                    }
                    for (int x = from; x < to; x++) {
                        int r = rows[x];
                        int i = table.items[r];
                        // Side vectors are per example: training examples may leave their own review out.
                        int sideOffset = r * d;
                        float sideLinear = 0;
                        if (entitySide) {
                            sideLinear = itemLinearCache[i] + userLinearCache;
                            System.arraycopy(itemProjectionCache, i * k, itemSideVector, 0, k);
                        } else if (d > 0) {
                            sideLinear = dotSide(ai, table.exampleItemSide, sideOffset)
                                    + dotSide(au, table.exampleUserSide, sideOffset);
                            projectSide(wi, table.exampleItemSide, sideOffset, itemSideVector);
                            projectSide(wu, table.exampleUserSide, sideOffset, sideUser);
                        }
                        int pu = u * k;
                        int qi = i * k;
                        float dot = 0;
                        for (int f = 0; f < k; f++) {
                            float uv = p[pu + f] + (implicitFeedback ? implicitSum[f] : 0) + (d > 0 ? sideUser[f] : 0);
                            float iv = q[qi + f] + (d > 0 ? itemSideVector[f] : 0);
                            userVector[f] = uv;
                            itemVector[f] = iv;
                            dot += uv * iv;
                        }
                        float error = table.ratings[r] - (mean + bu[u] + bi[i] + sideLinear + dot);
                        bu[u] += rate * (error - regB * bu[u]);
                        bi[i] += rate * (error - regB * bi[i]);
                        for (int f = 0; f < k; f++) {
                            float pf = p[pu + f];
                            float qf = q[qi + f];
                            p[pu + f] = pf + rate * (error * itemVector[f] - regF * pf);
                            q[qi + f] = qf + rate * (error * userVector[f] - regF * qf);
                            if (implicitFeedback) {
                                implicitGradient[f] += error * itemVector[f];
                            }
                        }
                        if (entitySide) {
                            // Accumulate per entity; applied to the shared side weights in batches below.
                            itemErrorSum[i] += error;
                            userErrorSum += error;
                            int gi = i * k;
                            for (int f = 0; f < k; f++) {
                                itemProjectionGradient[gi + f] += error * userVector[f];
                                userProjectionGradient[f] += error * itemVector[f];
                            }
                        } else if (d > 0) {
                            for (int s = 0; s < d; s++) {
                                itemLinearGradient[s] += error * table.exampleItemSide[sideOffset + s];
                                userLinearGradient[s] += error * table.exampleUserSide[sideOffset + s];
                            }
                            for (int f = 0; f < k; f++) {
                                float g = error * userVector[f];
                                float h = error * itemVector[f];
                                int row = f * d;
                                for (int s = 0; s < d; s++) {
                                    wi[row + s] += lrSide * (g * table.exampleItemSide[sideOffset + s] - regSide * wi[row + s]);
                                    wu[row + s] += lrSide * (h * table.exampleUserSide[sideOffset + s] - regSide * wu[row + s]);
                                }
                            }
                        }
                    }
                    if (entitySide) {
                        int userOffset = u * d;
                        for (int f = 0; f < k; f++) {
                            float g = lrSide * userProjectionGradient[f];
                            int row = f * d;
                            for (int s = 0; s < d; s++) {
                                wu[row + s] += g * table.userSide[userOffset + s];
                            }
                        }
                        for (int s = 0; s < d; s++) {
                            userLinearGradient[s] += userErrorSum * table.userSide[userOffset + s];
                        }
                    }
                    if (implicitFeedback) {
                        // One batched step per user for y_j (the usual fast SVD++ update).
                        for (int x = from; x < to; x++) {
                            int yj = table.items[rows[x]] * k;
                            for (int f = 0; f < k; f++) {
                                y[yj + f] += rate * (implicitScale * implicitGradient[f] - regY * y[yj + f]);
                            }
                        }
                    }
                }
                if (entitySide) {
                    // W_i from the per-item gradients of this epoch; the L2 decay of one epoch of per-rating
                    // steps applied at once.
                    for (int i = 0; i < items; i++) {
                        int gi = i * k;
                        for (int f = 0; f < k; f++) {
                            float g = lrSide * itemProjectionGradient[gi + f];
                            if (g == 0) {
                                continue;
                            }
                            int row = f * d;
                            for (int s = 0; s < d; s++) {
                                wi[row + s] += g * table.itemSide[i * d + s];
                            }
                        }
                        for (int s = 0; s < d; s++) {
                            itemLinearGradient[s] += itemErrorSum[i] * table.itemSide[i * d + s];
                        }
                    }
                    float decay = Math.max(0, 1 - lrSide * regSide * rows.length);
                    for (int w = 0; w < wi.length; w++) {
                        wi[w] *= decay;
                        wu[w] *= decay;
                    }
                }
                if (d > 0) {
                    // Full-batch step for the linear side weights: shared by every rating, they converge
                    // smoothly on the mean gradient where per-rating steps would only add noise.
                    float step = (float) linearSideRate;
                    for (int s = 0; s < d; s++) {
                        ai[s] += step * (itemLinearGradient[s] / trainSize - regSide * ai[s]);
                        au[s] += step * (userLinearGradient[s] / trainSize - regSide * au[s]);
                    }
                    java.util.Arrays.fill(itemLinearGradient, 0);
                    java.util.Arrays.fill(userLinearGradient, 0);
                }
                lr *= learningRateDecay;
                if (monitor) {
                    double rmse = validationRmse();
                    if (rmse < best - 1e-5) {
                        best = rmse;
                        bestEpoch = epoch;
                        sinceBest = 0;
                    } else if (++sinceBest >= patience) {
                        break;
                    }
                }
            }
            if (monitor) {
                int chosen = bestEpoch;
                LOG.fine(() -> FactorizationTrainer.this + " best validation epoch " + chosen);
            }
            return monitor ? bestEpoch : epochCount;
        }

        private void shuffle(int[] array, int from, int to) {
            for (int x = to - 1; x > from; x--) {
                int other = from + random.nextInt(x - from + 1);
                int tmp = array[x];
                array[x] = array[other];
                array[other] = tmp;
            }
        }

        private float dotSide(float[] weights, float[] side, int offset) {
            float sum = 0;
            for (int s = 0; s < d; s++) {
                sum += weights[s] * side[offset + s];
            }
            return sum;
        }

        private void projectSide(float[] weights, float[] side, int offset, float[] out) {
            for (int f = 0; f < k; f++) {
                float sum = 0;
                int row = f * d;
                for (int s = 0; s < d; s++) {
                    sum += weights[row + s] * side[offset + s];
                }
                out[f] = sum;
            }
        }

        private void addRow(float[] target, float[] matrix, int offset, float scale) {
            for (int f = 0; f < k; f++) {
                target[f] += scale * matrix[offset + f];
            }
        }

        double validationRmse() {
            if (validationRows.length == 0) {
                return 0;
            }
            float[] implicit = implicitFeedback ? foldImplicit() : null;
            float[] userSideVector = new float[k];
            float[] itemSideVector = new float[k];
            double squared = 0;
            for (int r : validationRows) {
                int u = table.users[r];
                int i = table.items[r];
                // The example's own side vectors: those of the other examples may contain its review.
                double prediction = mean + bu[u] + bi[i];
                if (d > 0) {
                    prediction += dotSide(ai, table.exampleItemSide, r * d) + dotSide(au, table.exampleUserSide, r * d);
                    projectSide(wi, table.exampleItemSide, r * d, itemSideVector);
                    projectSide(wu, table.exampleUserSide, r * d, userSideVector);
                }
                for (int f = 0; f < k; f++) {
                    float uv = p[u * k + f] + (implicit != null ? implicit[u * k + f] : 0) + (d > 0 ? userSideVector[f] : 0);
                    float iv = q[i * k + f] + (d > 0 ? itemSideVector[f] : 0);
                    prediction += uv * iv;
                }
                prediction = Math.max(minRating, Math.min(maxRating, prediction));
                double error = table.ratings[r] - prediction;
                squared += error * error;
            }
            return Math.sqrt(squared / validationRows.length);
        }

        /** |N(u)|^-1/2 sum of y_j per user. */
        float[] foldImplicit() {
            float[] vectors = new float[users * k];
            for (int u = 0; u < users; u++) {
                if (userStart[u + 1] > userStart[u]) {
                    float scale = (float) (1 / Math.sqrt(userStart[u + 1] - userStart[u]));
                    for (int x = userStart[u]; x < userStart[u + 1]; x++) {
                        int yj = table.items[rows[x]] * k;
                        for (int f = 0; f < k; f++) {
                            vectors[u * k + f] += scale * y[yj + f];
                        }
                    }
                }
            }
            return vectors;
        }

        /** Per-user bias (b_u + a_u.s_u) and folded vector (p_u + implicit + W_u s_u). */
        float[][] foldUsers() {
            float[] bias = new float[users];
            float[] vectors = new float[users * k];
            float[] implicit = implicitFeedback ? foldImplicit() : null;
            float[] scratch = new float[k];
            for (int u = 0; u < users; u++) {
                bias[u] = bu[u] + (d > 0 ? dotSide(au, table.userSide, u * d) : 0);
                System.arraycopy(p, u * k, vectors, u * k, k);
                if (implicit != null) {
                    for (int f = 0; f < k; f++) {
                        vectors[u * k + f] += implicit[u * k + f];
                    }
                }
                if (d > 0) {
                    projectSide(wu, table.userSide, u * d, scratch);
                    for (int f = 0; f < k; f++) {
                        vectors[u * k + f] += scratch[f];
                    }
                }
            }
            return new float[][] {bias, vectors};
        }

        float[] foldItems() {
            float[] vectors = q.clone();
            if (d > 0) {
                float[] scratch = new float[k];
                for (int i = 0; i < items; i++) {
                    projectSide(wi, table.itemSide, i * d, scratch);
                    for (int f = 0; f < k; f++) {
                        vectors[i * k + f] += scratch[f];
                    }
                }
            }
            return vectors;
        }

        float[] itemBias() {
            float[] bias = bi.clone();
            if (d > 0) {
                for (int i = 0; i < items; i++) {
                    bias[i] += dotSide(ai, table.itemSide, i * d);
                }
            }
            return bias;
        }

        FactorizationModel toModel(ModelProvenance provenance, Dataset<Regressor> examples) {
            float[][] folded = foldUsers();
            int sideDims = d;
            return new FactorizationModel("factorization", provenance, examples.getFeatureIDMap(),
                    examples.getOutputIDInfo(), table.userIds, table.itemIds, k, sideDims, mean, folded[0],
                    itemBias(), folded[1], foldItems(), au.clone(), ai.clone(), wu.clone(), wi.clone());
        }
    }
}
