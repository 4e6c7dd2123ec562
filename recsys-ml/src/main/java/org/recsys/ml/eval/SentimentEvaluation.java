package org.recsys.ml.eval;

import org.recsys.ml.data.LabelledText;
import org.recsys.ml.sentiment.LabelledVector;
import org.recsys.ml.sentiment.Sentiment;
import org.recsys.ml.sentiment.SentimentModel;
import org.recsys.ml.sentiment.SentimentTrainer;
import org.recsys.ml.sentiment.StarRatingRegressor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * K-fold evaluation of the review models: sentiment classification (accuracy, macro-F1, confusion matrix, next to
 * the majority-class baseline of each training fold) and, for starred reviews, text-to-stars regression next to
 * the training mean.
 */
final class SentimentEvaluation {

    private SentimentEvaluation() {
    }

    static void run(EvaluationData data, EmbeddingStore store, int folds, long seed, ResultTable table,
                    PrintStream log) {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Float> stars = new ArrayList<>();
        if (!data.labelledTexts.isEmpty()) {
            for (LabelledText text : data.labelledTexts) {
                texts.add(text.text());
                labels.add(text.label());
            }
        } else {
            for (int r = 0; r < data.ratings.size(); r++) {
                texts.add(data.reviewTexts.get(r));
                labels.add(Sentiment.fromStars(data.ratings.get(r).rating()).label());
                stars.add(data.ratings.get(r).rating());
            }
        }
        long start = System.nanoTime();
        List<float[]> vectors = store.encodeAll(texts);
        log.printf("  %d texts encoded (or read from cache) in %.1fs%n", texts.size(), (System.nanoTime() - start) / 1e9);
        List<String> classes = new ArrayList<>(new TreeSet<>(labels));
        int n = texts.size();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        String[] models = {"LOGISTIC_CLASS_WEIGHTED", "LOGISTIC_UNWEIGHTED", "MAJORITY_CLASS"};
        Map<String, long[][]> confusion = new HashMap<>();
        Map<String, Double> fitSeconds = new HashMap<>();
        for (String model : models) {
            confusion.put(model, new long[classes.size()][classes.size()]);
            fitSeconds.put(model, 0.0);
        }
        double starSquared = 0;
        double meanSquared = 0;
        int starCount = 0;
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledVector> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            List<float[]> trainVectors = new ArrayList<>();
            List<Float> trainStars = new ArrayList<>();
            Map<String, Integer> counts = new HashMap<>();
            for (int position = 0; position < n; position++) {
                int i = order.get(position);
                if (position % folds == fold) {
                    test.add(i);
                } else {
                    train.add(new LabelledVector(labels.get(i), vectors.get(i)));
                    counts.merge(labels.get(i), 1, Integer::sum);
                    if (!stars.isEmpty()) {
                        trainVectors.add(vectors.get(i));
                        trainStars.add(stars.get(i));
                    }
                }
            }
            String majority = Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
            for (String model : models) {
                long fitStart = System.nanoTime();
                SentimentModel classifier = model.equals("MAJORITY_CLASS") ? null : new SentimentTrainer()
                        .configure(30, 0.2, model.equals("LOGISTIC_CLASS_WEIGHTED"), seed + fold)
                        .train(train, store.encoder().tag());
                fitSeconds.merge(model, (System.nanoTime() - fitStart) / 1e9, Double::sum);
                long[][] matrix = confusion.get(model);
                for (int i : test) {
                    String predicted = classifier == null ? majority : classifier.predict(vectors.get(i)).label();
                    matrix[classes.indexOf(labels.get(i))][classes.indexOf(predicted)]++;
                }
            }
            if (!stars.isEmpty()) {
                StarRatingRegressor regressor = StarRatingRegressor.train(trainVectors, trainStars,
                        store.encoder().tag(), 10, seed + fold);
                double mean = trainStars.stream().mapToDouble(Float::doubleValue).average().orElse(0);
                for (int i : test) {
                    double error = regressor.predict(vectors.get(i)) - stars.get(i);
                    starSquared += error * error;
                    meanSquared += (mean - stars.get(i)) * (mean - stars.get(i));
                    starCount++;
                }
            }
            log.printf("  fold %d done%n", fold);
        }
        for (String model : models) {
            long[][] matrix = confusion.get(model);
            double correct = 0;
            double total = 0;
            double f1 = 0;
            for (int c = 0; c < classes.size(); c++) {
                long truePositive = matrix[c][c];
                long predicted = 0;
                long actual = 0;
                for (int o = 0; o < classes.size(); o++) {
                    predicted += matrix[o][c];
                    actual += matrix[c][o];
                    total += matrix[c][o];
                }
                correct += truePositive;
                double precision = predicted == 0 ? 0 : (double) truePositive / predicted;
                double recall = actual == 0 ? 0 : (double) truePositive / actual;
                f1 += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }
            List<List<Long>> rows = new ArrayList<>();
            for (long[] row : matrix) {
                List<Long> values = new ArrayList<>();
                for (long v : row) {
                    values.add(v);
                }
                rows.add(values);
            }
            table.add("sentiment", model).put("accuracy", correct / total).put("macro_F1", f1 / classes.size())
                    .put("fit_s_total", fitSeconds.get(model)).detail("classes", classes)
                    .detail("confusion_rows_actual_cols_predicted", rows);
        }
        if (starCount > 0) {
            table.add("review_stars", "TEXT_LINEAR_REGRESSION").put("RMSE", Math.sqrt(starSquared / starCount));
            table.add("review_stars", "TRAINING_MEAN").put("RMSE", Math.sqrt(meanSquared / starCount));
        }
    }
}
