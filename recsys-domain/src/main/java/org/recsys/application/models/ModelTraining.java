package org.recsys.application.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.Transactions;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.StarRating;
import org.recsys.domain.model.registry.ModelKind;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.ml.rating.RatingMetrics;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.rating.RatingModelTrainer;
import org.recsys.ml.rating.RatingRecipe;
import org.recsys.ml.rating.RatingRecord;
import org.recsys.ml.sentiment.LabelledVector;
import org.recsys.ml.sentiment.Sentiment;
import org.recsys.ml.sentiment.SentimentModel;
import org.recsys.ml.sentiment.SentimentPrediction;
import org.recsys.ml.sentiment.SentimentTrainer;
import org.recsys.ml.topn.Interaction;
import org.recsys.ml.topn.Interactions;
import org.recsys.ml.topn.TopNModel;
import org.recsys.ml.topn.TopNSettings;
import org.recsys.ml.topn.TopNTrainer;
import org.recsys.domain.model.feedback.ItemInteraction;
import org.tribuo.provenance.ModelProvenance;

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
    static final int MIN_INTERACTIONS = 100;
    /** The newest 1/10 of the data is the hold-out. */
    static final int HOLDOUT_DIVISOR = 10;

    @Inject
    FeedbackRepository feedback;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    TextEncoding encoding;
    @Inject
    Transactions transactions;
    @Inject
    ServingModels models;

    @Inject
    @ConfigProperty(name = "recsys.models.rating-recipe", defaultValue = "TEXT_AWARE")
    String ratingRecipe;
    @Inject
    @ConfigProperty(name = "recsys.models.max-ratings", defaultValue = "2000000")
    int maxRatings;
    @Inject
    @ConfigProperty(name = "recsys.models.max-reviews", defaultValue = "5000")
    int maxReviews;
    @Inject
    @ConfigProperty(name = "recsys.models.max-interactions", defaultValue = "2000000")
    int maxInteractions;

    Clock clock = Clock.systemUTC();

    /** A model of the given kind trained on what is stored, or empty when there is too little data. */
    public Optional<? extends TrainedModel<?>> train(ModelKind kind) {
        return switch (kind) {
            case RATING -> trainRating();
            case SENTIMENT -> trainSentiment();
            case TOPN -> trainTopN();
        };
    }

    /**
     * A rating model trained on all but the newest tenth of the stored star ratings and measured on that newest
     * tenth, next to the serving model measured on the same ratings; empty when there are fewer than 100 ratings.
     */
    public Optional<TrainedModel<RatingModel>> trainRating() {
        List<StarRating> ratings = transactions.inNewTransaction(() -> feedback.starRatings(maxRatings));
        if (ratings.size() < MIN_RATINGS) {
            LOG.info(() -> "No rating model: " + ratings.size() + " star ratings stored, at least " + MIN_RATINGS
                    + " needed");
            return Optional.empty();
        }
        long began = System.nanoTime();
        Map<String, float[]> itemVectors = new HashMap<>();
        List<RatingRecord> records = new ArrayList<>(ratings.size());
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
        // Newest first: the hold-out is the newest tenth, as a model meets data newer than what it learnt from.
        int holdoutSize = Math.max(1, records.size() / HOLDOUT_DIVISOR);
        List<RatingRecord> holdout = records.subList(0, holdoutSize);
        List<RatingRecord> train = records.subList(holdoutSize, records.size());
        RatingModel model = new RatingModelTrainer(RatingRecipe.valueOf(ratingRecipe)).withHoldout(0)
                .train(train, itemVectors, Map.of());
        Map<String, Double> metrics = ratingMetrics(model, holdout, itemVectors);
        Optional<Map<String, Double>> serving = models.rating().map(active -> ratingMetrics(active.model(), holdout,
                itemVectors));
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, String> provenance = provenance(model.provenance(), "star ratings", ratings, holdoutSize, seconds);
        provenance.put("recipe", ratingRecipe);
        LOG.info(() -> String.format("Rating model %s trained on %d ratings in %.1f s; hold-out %s (serving model %s)",
                ratingRecipe, train.size(), seconds, metrics, serving.orElse(Map.of())));
        return Optional.of(new TrainedModel<>(ModelKind.RATING, model, model.toBytes(),
                new ActiveModel<>(model, version(ModelKind.RATING), clock.instant(), metrics, train.size()),
                serving, holdout.size(), provenance));
    }

    /**
     * The two-stage top-N model ({@link TopNTrainer} with the served {@link TopNSettings#DEFAULTS}) trained on the
     * stored interactions less each user's newest tenth and measured on that tenth next to the serving top-N model
     * refitted to the same data; the version stored serves with its item-item models refitted to all interactions;
     * empty when there are fewer than 100 interactions or the data cannot train it (the reason is logged).
     */
    public Optional<TrainedModel<TopNModel>> trainTopN() {
        List<ItemInteraction> rows = transactions.inNewTransaction(() -> feedback.interactions(maxInteractions));
        if (rows.size() < MIN_INTERACTIONS) {
            LOG.info(() -> "No top-N model: " + rows.size() + " interactions stored, at least " + MIN_INTERACTIONS
                    + " needed");
            return Optional.empty();
        }
        long began = System.nanoTime();
        List<Interaction> interactions = new ArrayList<>(rows.size());
        Map<String, float[]> itemVectors = new HashMap<>();
        for (ItemInteraction row : rows) {
            // The weight the online profile update gives it, so that the ranker learns from profiles like the served ones.
            double weight = org.recsys.domain.model.profile.ProfileSignal.of(row.itemId(), null, row.type(),
                    row.value(), Double.NaN, Double.NaN).weight();
            interactions.add(new Interaction(row.userId(), row.itemId(), row.occurredAt().getEpochSecond(), weight));
            if (!itemVectors.containsKey(row.itemId())) {
                float[] vector = catalogue.loaded() ? catalogue.vector(row.itemId()) : null;
                if (vector != null) {
                    itemVectors.put(row.itemId(), vector);
                }
            }
        }
        TopNTrainer trainer = new TopNTrainer(TopNSettings.DEFAULTS, 42).withLog(LOG::fine);
        TopNTrainer.Served served;
        try {
            served = trainer.trainForServing(interactions, itemVectors, encoding.dimension());
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "No top-N model: " + e.getMessage());
            return Optional.empty();
        }
        Map<String, Double> metrics = new LinkedHashMap<>(served.metrics());
        // The serving model is compared with its own settings and ranker refitted to the same data as the candidate,
        // since it may have been fitted to some of this hold-out; the candidate then serves refitted to everything.
        Interactions before = Interactions.of(served.holdout().train());
        Optional<Map<String, Double>> serving = models.topN().map(active -> trainer.holdoutMetrics(
                active.model().refit(before, itemVectors, encoding.dimension(), TopNSettings.DEFAULTS), served.holdout(), itemVectors,
                encoding.dimension()));
        TopNModel model = served.result().model().refit(Interactions.of(interactions), itemVectors,
                encoding.dimension(), TopNSettings.DEFAULTS);
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, String> provenance = new LinkedHashMap<>(model.provenance());
        provenance.put("trainer", TopNTrainer.class.getName());
        provenance.put("encoder", encoding.encoderId());
        provenance.put("trainingData", served.holdout().train().size() + " interactions up to each user's newest "
                + (int) (TopNTrainer.HOLDOUT_SHARE * 100) + "% for settings, ranker and hold-out; the served "
                + "item-item models refitted to all " + interactions.size());
        provenance.put("holdout", served.holdout().heldOut().size() + " users' newest "
                + (int) (TopNTrainer.HOLDOUT_SHARE * 100) + "% of interactions");
        provenance.put("trainingSeconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
        int holdoutUsers = served.holdout().heldOut().size();
        LOG.info(() -> String.format("Top-N model trained on %d interactions in %.1f s; hold-out %s (serving model %s)",
                served.holdout().train().size(), seconds, metrics, serving.orElse(Map.of())));
        return Optional.of(new TrainedModel<>(ModelKind.TOPN, model, model.toBytes(),
                new ActiveModel<>(model, version(ModelKind.TOPN), clock.instant(), metrics, interactions.size()),
                serving, holdoutUsers, provenance));
    }

    /** How many star ratings training reads (newest first); evaluation reads as many. */
    int maxRatings() {
        return maxRatings;
    }

    /** How many rated reviews training reads (newest first); evaluation reads as many. */
    int maxReviews() {
        return maxReviews;
    }

    /** Trainer, library, encoder, and which of the newest-first examples trained and which were held out. */
    private Map<String, String> provenance(ModelProvenance model, String examples,
                                           List<StarRating> newestFirst, int holdoutSize, double seconds) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("trainer", model.getTrainerProvenance().getClassName());
        provenance.put("tribuoVersion", model.getTribuoVersion());
        provenance.put("encoder", encoding.encoderId());
        provenance.put("trainingData", (newestFirst.size() - holdoutSize) + " " + examples + " up to "
                + newestFirst.get(holdoutSize).occurredAt());
        provenance.put("holdout", holdoutSize + " newest " + examples + " from "
                + newestFirst.get(holdoutSize - 1).occurredAt());
        provenance.put("trainingSeconds", String.format(java.util.Locale.ROOT, "%.1f", seconds));
        return provenance;
    }

    static Map<String, Double> ratingMetrics(RatingModel model, List<RatingRecord> holdout,
                                                     Map<String, float[]> itemVectors) {
        double[] predicted = new double[holdout.size()];
        double[] actual = new double[holdout.size()];
        for (int r = 0; r < holdout.size(); r++) {
            RatingRecord record = holdout.get(r);
            predicted[r] = model.predict(record.userId(), record.itemId(), null, itemVectors.get(record.itemId()));
            actual[r] = record.rating();
        }
        RatingMetrics measured = RatingMetrics.of(predicted, actual);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("rmse", measured.rmse());
        metrics.put("mae", measured.mae());
        return metrics;
    }

    /**
     * A sentiment model trained on all but the newest tenth of the reviews with stars (1-2 negative, 3 neutral, 4-5
     * positive) and measured on that newest tenth, next to the serving model on the same reviews; or empty.
     */
    public Optional<TrainedModel<SentimentModel>> trainSentiment() {
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
        int holdoutSize = Math.max(1, examples.size() / HOLDOUT_DIVISOR);
        List<LabelledVector> holdout = examples.subList(0, holdoutSize);
        List<LabelledVector> train = examples.subList(holdoutSize, examples.size());
        SentimentModel model = new SentimentTrainer().train(train, encoding.encoder().tag());
        Map<String, Double> metrics = evaluate(model, holdout);
        // A model made for another encoder cannot read these vectors: it has no comparable score.
        Optional<Map<String, Double>> serving = models.sentiment()
                .filter(active -> active.model().encoder().equals(encoding.encoder().tag()))
                .map(active -> evaluate(active.model(), holdout));
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, String> provenance = provenance(model.provenance(), "reviews with stars", reviews, holdoutSize,
                seconds);
        LOG.info(() -> String.format("Sentiment model trained on %d reviews in %.1f s; hold-out %s (serving model %s)",
                train.size(), seconds, metrics, serving.orElse(Map.of())));
        return Optional.of(new TrainedModel<>(ModelKind.SENTIMENT, model, model.toBytes(),
                new ActiveModel<>(model, version(ModelKind.SENTIMENT), clock.instant(), metrics, train.size()),
                serving, holdout.size(), provenance));
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

    private String version(ModelKind kind) {
        return kind.id() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
                .withZone(java.time.ZoneOffset.UTC).format(clock.instant());
    }
}
