package org.recsys.ml.rating;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a {@link RatingModel} from rating records and optional text vectors: the entry point for the server's
 * retraining job. With a hold-out share above 0, a seeded random split is kept out of training and the returned
 * model carries its metrics (for "promote only when better" decisions).
 */
public final class RatingModelTrainer {

    private final RatingRecipe recipe;
    private RatingScale scale = RatingScale.FIVE_STARS;
    private int sideDimensions = 16;
    private double holdoutFraction = 0.1;
    private long seed = 12345L;

    /** @param recipe the model to train */
    public RatingModelTrainer(RatingRecipe recipe) {
        this.recipe = recipe;
    }

    /** Rating scale to clamp to (default 1 to 5). */
    public RatingModelTrainer withScale(RatingScale scale) {
        this.scale = scale;
        return this;
    }

    /** Number of principal components of the text vectors used as side features (default 16; 0 = ids only). */
    public RatingModelTrainer withSideDimensions(int sideDimensions) {
        this.sideDimensions = sideDimensions;
        return this;
    }

    /** Share of records held out for the metrics (default 0.1; 0 = train on everything, no metrics). */
    public RatingModelTrainer withHoldout(double holdoutFraction) {
        this.holdoutFraction = holdoutFraction;
        return this;
    }

    /** Seed of the split and of the trainers. */
    public RatingModelTrainer withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Trains on records with optional text vectors (raw encoder output).
     *
     * @param itemTextVectors item id to text vector; may be empty
     * @param userTextVectors user id to text/profile vector from the same encoder; may be empty
     */
    public RatingModel train(List<RatingRecord> records, Map<String, float[]> itemTextVectors,
                             Map<String, float[]> userTextVectors) {
        return train(records, itemTextVectors, userTextVectors, null);
    }

    /**
     * As {@link #train(List, Map, Map)}, with per-record training vectors (e.g. {@link ReviewTextVectors}
     * leaving each rating's own review out).
     */
    public RatingModel train(List<RatingRecord> records, Map<String, float[]> itemTextVectors,
                             Map<String, float[]> userTextVectors, TrainingTextVectors trainingVectors) {
        List<RatingRecord> train = new ArrayList<>(records.size());
        List<RatingRecord> holdout = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (RatingRecord record : records) {
            (holdoutFraction > 0 && random.nextDouble() < holdoutFraction ? holdout : train).add(record);
        }
        SideInformation side = sideDimensions > 0
                ? SideInformation.fit(itemTextVectors, userTextVectors, sideDimensions, train, trainingVectors)
                : SideInformation.none();
        MutableDataset<Regressor> dataset = RatingFeatures.dataset(train, side, trainingVectors,
                recipe.needsImplicitFeatures(), "ratings (" + train.size() + " records)");
        Model<Regressor> model = recipe.trainer(seed).train(dataset);
        Map<String, List<String>> rated = recipe.needsImplicitFeatures() ? RatingFeatures.ratedItems(train) : Map.of();
        RatingModel ratingModel = new RatingModel(recipe, model, side, scale, null, rated);
        if (holdout.isEmpty()) {
            return ratingModel;
        }
        double[] predicted = new double[holdout.size()];
        double[] actual = new double[holdout.size()];
        for (int r = 0; r < holdout.size(); r++) {
            RatingRecord record = holdout.get(r);
            predicted[r] = ratingModel.predict(record.userId(), record.itemId(), userTextVectors.get(record.userId()),
                    itemTextVectors.get(record.itemId()));
            actual[r] = record.rating();
        }
        return new RatingModel(recipe, model, side, scale, RatingMetrics.of(predicted, actual), rated);
    }
}
