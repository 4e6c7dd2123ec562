package org.recsys.application.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.Transactions;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.StarRating;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.rating.RatingModelTrainer;
import org.recsys.ml.rating.RatingRecipe;
import org.recsys.ml.rating.RatingRecord;
import org.recsys.ml.sentiment.LabelledVector;
import org.recsys.ml.sentiment.Sentiment;
import org.recsys.ml.sentiment.SentimentModel;
import org.recsys.ml.sentiment.SentimentPrediction;
import org.recsys.ml.sentiment.SentimentTrainer;

/**
 * Trains the rating model (a recsys-ml recipe over ids and item text vectors) and the review-sentiment model
 * (Tribuo logistic regression over review-text vectors, class-weighted) from what is stored, each with its hold-out
 * metrics. Too little data gives no model rather than a poor one.
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class.getName());

    static final int MIN_RATINGS = 100;
    static final int MIN_REVIEWS = 30;

    @Inject
    FeedbackRepository feedback;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    TextEncoding encoding;
    @Inject
    Transactions transactions;

    @Inject
    @ConfigProperty(name = "recsys.models.rating-recipe", defaultValue = "TEXT_AWARE")
    String ratingRecipe;
    @Inject
    @ConfigProperty(name = "recsys.models.max-ratings", defaultValue = "2000000")
    int maxRatings;
    @Inject
    @ConfigProperty(name = "recsys.models.max-reviews", defaultValue = "5000")
    int maxReviews;

    Clock clock = Clock.systemUTC();

    /** A rating model trained on the stored star ratings, or empty when there are fewer than 100. */
    public Optional<ActiveModel<RatingModel>> trainRating() {
        List<StarRating> ratings = transactions.inNewTransaction(() -> feedback.starRatings(maxRatings));
        if (ratings.size() < MIN_RATINGS) {
            LOG.info(() -> "No rating model: " + ratings.size() + " star ratings stored, at least " + MIN_RATINGS
                    + " needed");
            return Optional.empty();
        }
        long began = System.nanoTime();
        List<RatingRecord> records = new ArrayList<>(ratings.size());
        Map<String, float[]> itemVectors = new HashMap<>();
        for (StarRating rating : ratings) {
            records.add(new RatingRecord(rating.userId(), rating.itemId(), (float) rating.stars(),
                    rating.occurredAt().getEpochSecond()));
            if (!itemVectors.containsKey(rating.itemId())) {
                float[] vector = catalogue.loaded() ? catalogue.vector(rating.itemId()) : null;
                if (vector != null) {
                    itemVectors.put(rating.itemId(), vector);
                }
            }
        }
        RatingModel model = new RatingModelTrainer(RatingRecipe.valueOf(ratingRecipe)).withHoldout(0.1)
                .train(records, itemVectors, Map.of());
        Map<String, Double> metrics = new HashMap<>();
        model.holdoutMetrics().ifPresent(m -> {
            metrics.put("rmse", m.rmse());
            metrics.put("mae", m.mae());
        });
        LOG.info(() -> String.format("Rating model %s trained on %d ratings in %.1f s; hold-out %s", ratingRecipe,
                records.size(), (System.nanoTime() - began) / 1e9, metrics));
        return Optional.of(new ActiveModel<>(model, version("rating"), clock.instant(), metrics, records.size()));
    }

    /** A sentiment model trained on reviews with stars (1-2 negative, 3 neutral, 4-5 positive), or empty. */
    public Optional<ActiveModel<SentimentModel>> trainSentiment() {
        List<StarRating> reviews = transactions.inNewTransaction(() -> feedback.ratedReviews(maxReviews));
        long classes = reviews.stream().map(r -> Sentiment.fromStars(r.stars())).distinct().count();
        if (reviews.size() < MIN_REVIEWS || classes < 2) {
            LOG.info(() -> "No sentiment model: " + reviews.size() + " reviews with stars in " + classes
                    + " classes; at least " + MIN_REVIEWS + " in 2 classes needed");
            return Optional.empty();
        }
        long began = System.nanoTime();
        List<float[]> vectors = encoding.encodeAll(reviews.stream().map(StarRating::text).toList());
        List<LabelledVector> examples = new ArrayList<>(reviews.size());
        for (int i = 0; i < reviews.size(); i++) {
            examples.add(new LabelledVector(Sentiment.fromStars(reviews.get(i).stars()).label(), vectors.get(i)));
        }
        int holdout = Math.max(1, examples.size() / 10);
        List<LabelledVector> train = examples.subList(holdout, examples.size());
        List<LabelledVector> test = examples.subList(0, holdout);
        SentimentModel model = new SentimentTrainer().train(train, encoding.encoder().tag());
        Map<String, Double> metrics = new HashMap<>(evaluate(model, test));
        SentimentModel full = new SentimentTrainer().train(examples, encoding.encoder().tag());
        LOG.info(() -> String.format("Sentiment model trained on %d reviews in %.1f s; hold-out %s", examples.size(),
                (System.nanoTime() - began) / 1e9, metrics));
        return Optional.of(new ActiveModel<>(full, version("sentiment"), clock.instant(), metrics, examples.size()));
    }

    /** Accuracy and macro-F1 of a sentiment model on labelled vectors. */
    static Map<String, Double> evaluate(SentimentModel model, List<LabelledVector> test) {
        Map<String, int[]> counts = new HashMap<>();
        int correct = 0;
        for (LabelledVector example : test) {
            SentimentPrediction prediction = model.predict(example.vector());
            boolean right = prediction.label().equals(example.label());
            correct += right ? 1 : 0;
            counts.computeIfAbsent(example.label(), l -> new int[3])[right ? 0 : 1]++;
            if (!right) {
                counts.computeIfAbsent(prediction.label(), l -> new int[3])[2]++;
            }
        }
        double f1Sum = 0;
        for (int[] c : counts.values()) {
            double precision = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double recall = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("accuracy", test.isEmpty() ? 0 : (double) correct / test.size());
        metrics.put("macroF1", counts.isEmpty() ? 0 : f1Sum / new HashSet<>(counts.keySet()).size());
        return metrics;
    }

    private String version(String kind) {
        return kind + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(clock.instant());
    }
}
