package org.recsys.ml.eval;

import org.recsys.ml.rating.RatedItemProfiles;
import org.recsys.ml.rating.RatingFeatures;
import org.recsys.ml.rating.RatingMetrics;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.rating.RatingRecipe;
import org.recsys.ml.rating.RatingRecord;
import org.recsys.ml.rating.RatingScale;
import org.recsys.ml.rating.ReviewTextVectors;
import org.recsys.ml.rating.SideInformation;
import org.recsys.ml.rating.TrainingTextVectors;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * K-fold cross-validation of rating models: every model sees the same folds, the same Tribuo examples and the
 * same text side information (built from the training part of each fold only).
 */
final class RatingEvaluation {

    /** Side features kept from the text vectors. */
    static final int SIDE_DIMENSIONS = 16;

    private RatingEvaluation() {
    }

    static void run(EvaluationData data, EmbeddingStore store, int folds, long seed, List<RatingRecipe> recipes,
                    ResultTable table, PrintStream log) {
        List<RatingRecord> ratings = data.ratings;
        int n = ratings.size();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] foldOf = new int[n];
        for (int position = 0; position < n; position++) {
            foldOf[order.get(position)] = position % folds;
        }
        Map<String, float[]> itemVectors = new HashMap<>();
        List<float[]> reviewVectors = null;
        if (store != null && !data.itemTexts.isEmpty()) {
            List<String> ids = new ArrayList<>(data.itemTexts.keySet());
            List<String> texts = new ArrayList<>();
            ids.forEach(id -> texts.add(data.itemTexts.get(id)));
            List<float[]> vectors = store.encodeAll(texts);
            for (int i = 0; i < ids.size(); i++) {
                itemVectors.put(ids.get(i), vectors.get(i));
            }
        } else if (store != null && !data.reviewTexts.isEmpty()) {
            reviewVectors = store.encodeAll(data.reviewTexts);
        }
        Map<RatingRecipe, double[][]> perFold = new HashMap<>(); // rmse, mae, fit, predict
        for (RatingRecipe recipe : recipes) {
            perFold.put(recipe, new double[folds][4]);
        }
        for (int fold = 0; fold < folds; fold++) {
            List<RatingRecord> train = new ArrayList<>();
            List<RatingRecord> test = new ArrayList<>();
            List<float[]> trainReviewVectors = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (foldOf[i] == fold) {
                    test.add(ratings.get(i));
                } else {
                    train.add(ratings.get(i));
                    if (reviewVectors != null) {
                        trainReviewVectors.add(reviewVectors.get(i));
                    }
                }
            }
            SideInformation side = SideInformation.none();
            TrainingTextVectors trainingVectors = null;
            if (!itemVectors.isEmpty()) {
                RatedItemProfiles profiles = new RatedItemProfiles(train, itemVectors);
                side = SideInformation.fit(itemVectors, profiles.userVectors(), SIDE_DIMENSIONS, train, profiles);
                trainingVectors = profiles;
            } else if (reviewVectors != null) {
                // Only training-fold reviews describe items and users: no test review leaks into the features.
                ReviewTextVectors reviews = new ReviewTextVectors(train, trainReviewVectors);
                side = SideInformation.fit(reviews.itemVectors(), reviews.userVectors(), SIDE_DIMENSIONS, train,
                        reviews);
                trainingVectors = reviews;
            }
            MutableDataset<Regressor> plain = null;
            MutableDataset<Regressor> withImplicit = null;
            Map<String, List<String>> rated = RatingFeatures.ratedItems(train);
            for (RatingRecipe recipe : recipes) {
                MutableDataset<Regressor> dataset;
                if (recipe.needsImplicitFeatures()) {
                    if (withImplicit == null) {
                        withImplicit = RatingFeatures.dataset(train, side, trainingVectors, true,
                                data.name + " fold " + fold + " train (implicit features)");
                    }
                    dataset = withImplicit;
                } else {
                    if (plain == null) {
                        plain = RatingFeatures.dataset(train, side, trainingVectors, false,
                                data.name + " fold " + fold + " train");
                    }
                    dataset = plain;
                }
                long start = System.nanoTime();
                Model<Regressor> model = recipe.trainer(seed + fold).train(dataset);
                double fitSeconds = (System.nanoTime() - start) / 1e9;
                RatingModel ratingModel = RatingModel.of(recipe, model, side, RatingScale.FIVE_STARS, rated);
                start = System.nanoTime();
                double[] predicted = new double[test.size()];
                double[] actual = new double[test.size()];
                for (int t = 0; t < test.size(); t++) {
                    RatingRecord record = test.get(t);
                    predicted[t] = ratingModel.predict(record.userId(), record.itemId());
                    actual[t] = record.rating();
                }
                double predictSeconds = (System.nanoTime() - start) / 1e9;
                RatingMetrics metrics = RatingMetrics.of(predicted, actual);
                perFold.get(recipe)[fold] = new double[] {metrics.rmse(), metrics.mae(), fitSeconds, predictSeconds};
                log.printf("  fold %d %-22s RMSE %.4f MAE %.4f fit %.1fs predict %.2fs%n", fold, recipe, metrics.rmse(),
                        metrics.mae(), fitSeconds, predictSeconds);
            }
        }
        for (RatingRecipe recipe : recipes) {
            double[][] results = perFold.get(recipe);
            double rmse = 0;
            double mse = 0;
            double mae = 0;
            double fit = 0;
            double predict = 0;
            List<Double> foldRmse = new ArrayList<>();
            for (double[] r : results) {
                rmse += r[0] / folds;
                mse += r[0] * r[0] / folds;
                mae += r[1] / folds;
                fit += r[2];
                predict += r[3];
                foldRmse.add(r[0]);
            }
            table.add("rating", recipe.name()).put("RMSE", rmse).put("MSE", mse).put("MAE", mae)
                    .put("fit_s_total", fit).put("predict_s_total", predict).detail("fold_rmse", foldRmse);
        }
    }
}
