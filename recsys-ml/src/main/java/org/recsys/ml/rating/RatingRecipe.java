package org.recsys.ml.rating;

import org.tribuo.Trainer;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

import java.util.List;

/**
 * The rating models this library trains, each a Tribuo {@link Trainer} over the examples of
 * {@link RatingFeatures}. Hyper-parameters were tuned on validation splits of MovieLens 100K and Amazon
 * Musical Instruments (never on test folds).
 */
public enum RatingRecipe {

    /** Predicts the training mean (Tribuo's {@code DummyRegressionTrainer}). */
    GLOBAL_MEAN(false),
    /** User + item biases, penalty chosen on a validation split. */
    BIAS(false),
    /** Biased matrix factorisation on ids. */
    MATRIX_FACTORIZATION(false),
    /** SVD++ on ids. */
    SVD_PLUS_PLUS(false),
    /** Item-based kNN with baselines. */
    ITEM_KNN(false),
    /** The text-aware model: SVD++ with text side features, or text-aware biases or factors, whichever is best on
     * a validation split. */
    TEXT_AWARE(false),
    /** Tribuo's own factorization machine over ids, implicit feedback and text features, epochs chosen on a
     * validation split. */
    TRIBUO_FM(true),
    /** Ridge blend of text-aware SVD++, MF, item kNN and biases: the most accurate model. */
    BLEND(false);

    private final boolean needsImplicitFeatures;

    RatingRecipe(boolean needsImplicitFeatures) {
        this.needsImplicitFeatures = needsImplicitFeatures;
    }

    /** Whether the examples must spell out the {@code rated=} implicit-feedback features. */
    public boolean needsImplicitFeatures() {
        return needsImplicitFeatures;
    }

    /** A fresh trainer for this recipe. */
    public Trainer<Regressor> trainer(long seed) {
        return switch (this) {
            case GLOBAL_MEAN -> DummyRegressionTrainer.createMeanTrainer();
            case BIAS -> tunedBias(seed);
            case MATRIX_FACTORIZATION -> matrixFactorization(seed);
            case SVD_PLUS_PLUS -> svdPlusPlus(seed, false);
            case ITEM_KNN -> new NeighbourhoodTrainer();
            case TEXT_AWARE -> new SelectingTrainer(List.of(svdPlusPlus(seed, true), textAwareBiases(seed),
                    textAwareFactors(seed)), 0.1, seed);
            case TRIBUO_FM -> tribuoFm(seed);
            case BLEND -> new BlendTrainer(List.of(svdPlusPlus(seed, true), matrixFactorization(seed + 1),
                    new NeighbourhoodTrainer(), textAwareBiases(seed + 2)), 0.1, seed + 3);
        };
    }

    static Trainer<Regressor> tunedBias(long seed) {
        return new SelectingTrainer(List.of(
                new FactorizationTrainer(0, false, false, 60, 0.01, 0, 0.01, seed).withSchedule(0.01, 0.97, 0.1),
                new FactorizationTrainer(0, false, false, 60, 0.01, 0, 0.03, seed).withSchedule(0.01, 0.97, 0.1),
                new FactorizationTrainer(0, false, false, 60, 0.01, 0, 0.1, seed).withSchedule(0.01, 0.97, 0.1)),
                0.1, seed);
    }

    static FactorizationTrainer matrixFactorization(long seed) {
        return new FactorizationTrainer(64, false, false, 80, 0.015, 0.1, 0.02, seed).withSchedule(0.015, 0.99, 0.1);
    }

    static FactorizationTrainer svdPlusPlus(long seed, boolean side) {
        return new FactorizationTrainer(64, true, side, 80, 0.01, 0.12, 0.02, seed).withSchedule(0.01, 0.97, 0.1)
                .withSideRates(0.00001, 0.2, 0.01);
    }

    /** Biases plus linear text side features: strong where ratings per user and item are few. */
    static FactorizationTrainer textAwareBiases(long seed) {
        return new FactorizationTrainer(0, false, true, 80, 0.01, 0, 0.1, seed).withSchedule(0.01, 0.97, 0.1)
                .withSideRates(0, 0.2, 0.01);
    }

    /** Few heavily penalised factors plus text side features. */
    static FactorizationTrainer textAwareFactors(long seed) {
        return new FactorizationTrainer(16, false, true, 80, 0.01, 0.1, 0.1, seed).withSchedule(0.01, 0.97, 0.1)
                .withSideRates(0.0001, 0.2, 0.01);
    }

    static Trainer<Regressor> tribuoFm(long seed) {
        // Tribuo 4.3's FM has no L2 penalty, so it must stop early: pick the epoch count on validation data.
        return new SelectingTrainer(List.of(
                new FMRegressionTrainer(new SquaredLoss(), new AdaGrad(0.1, 1e-6), 3, 1_000_000, 1, seed, 5, 0.1,
                        false),
                new FMRegressionTrainer(new SquaredLoss(), new AdaGrad(0.1, 1e-6), 6, 1_000_000, 1, seed, 5, 0.1,
                        false)), 0.1, seed);
    }
}
