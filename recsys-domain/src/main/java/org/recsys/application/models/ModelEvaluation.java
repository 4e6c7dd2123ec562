package org.recsys.application.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.recsys.application.Transactions;
import org.recsys.application.jobs.JobReports;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.StarRating;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.ml.rating.RatingRecord;
import org.recsys.ml.sentiment.LabelledVector;
import org.recsys.ml.sentiment.Sentiment;

/**
 * Measures the serving models on the newest tenth of the stored data (the hold-out that training leaves out), each
 * next to a trivial baseline on the same examples (the mean star rating; the most frequent sentiment), and keeps the
 * result as the evaluate job's report.
 */
@ApplicationScoped
public class ModelEvaluation {

    public static final String JOB = "evaluate";

    @Inject
    FeedbackRepository feedback;
    @Inject
    ServingModels models;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    TextEncoding encoding;
    @Inject
    Transactions transactions;
    @Inject
    JobReports reports;
    /** Reads as much data as training does, so that both hold out the same newest tenth. */
    @Inject
    ModelTraining training;

    Clock clock = Clock.systemUTC();

    public JsonObject evaluate(long executionId) {
        JsonObjectBuilder report = Json.createObjectBuilder().add("job", JOB).add("executionId", executionId)
                .add("createdAt", clock.instant().toString())
                .add("holdout", "the newest 1/" + ModelTraining.HOLDOUT_DIVISOR + " of the stored data");
        report.add("rating", rating());
        report.add("sentiment", sentiment());
        JsonObject built = report.build();
        reports.store(JOB, executionId, built);
        return built;
    }

    private JsonObject rating() {
        if (models.rating().isEmpty()) {
            return Json.createObjectBuilder().add("status", "no rating model serves").build();
        }
        List<StarRating> ratings = transactions.inNewTransaction(() -> feedback.starRatings(training.maxRatings()));
        int size = ratings.size() / ModelTraining.HOLDOUT_DIVISOR;
        if (size == 0) {
            return Json.createObjectBuilder().add("status", "too few ratings to hold out").build();
        }
        List<RatingRecord> holdout = ratings.subList(0, size).stream().map(r -> new RatingRecord(r.userId(),
                r.itemId(), (float) r.stars(), r.occurredAt().getEpochSecond())).toList();
        Map<String, float[]> itemVectors = new HashMap<>();
        for (RatingRecord record : holdout) {
            float[] vector = catalogue.loaded() ? catalogue.vector(record.itemId()) : null;
            if (vector != null) {
                itemVectors.put(record.itemId(), vector);
            }
        }
        ActiveModel<?> active = models.rating().get();
        Map<String, Double> metrics = ModelTraining.ratingMetrics(models.rating().get().model(), holdout,
                itemVectors);
        double mean = ratings.subList(size, ratings.size()).stream().mapToDouble(StarRating::stars).average()
                .orElse(3);
        double baselineRmse = Math.sqrt(holdout.stream().mapToDouble(r -> (r.rating() - mean) * (r.rating() - mean))
                .average().orElse(0));
        return Json.createObjectBuilder().add("version", active.version()).add("examples", size)
                .add("rmse", metrics.get("rmse")).add("mae", metrics.get("mae"))
                .add("baselineRmse", baselineRmse).add("baseline", "the mean star rating of the older ratings")
                .add("rmseRatioToBaseline", metrics.get("rmse") / baselineRmse).build();
    }

    private JsonObject sentiment() {
        if (models.sentiment().isEmpty()) {
            return Json.createObjectBuilder().add("status", "no sentiment model serves").build();
        }
        List<StarRating> reviews = transactions.inNewTransaction(() -> feedback.ratedReviews(training.maxReviews()));
        int size = reviews.size() / ModelTraining.HOLDOUT_DIVISOR;
        if (size == 0) {
            return Json.createObjectBuilder().add("status", "too few reviews to hold out").build();
        }
        List<StarRating> held = reviews.subList(0, size);
        List<float[]> vectors = encoding.encodeAll(held.stream().map(StarRating::text).toList());
        List<LabelledVector> holdout = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            holdout.add(new LabelledVector(Sentiment.fromStars(held.get(i).stars()).label(), vectors.get(i)));
        }
        ActiveModel<?> active = models.sentiment().get();
        Map<String, Double> metrics = ModelTraining.evaluate(models.sentiment().get().model(), holdout);
        Map<String, Long> labels = holdout.stream().collect(Collectors.groupingBy(LabelledVector::label,
                Collectors.counting()));
        double majority = labels.values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) size;
        return Json.createObjectBuilder().add("version", active.version()).add("examples", size)
                .add("accuracy", metrics.get("accuracy")).add("macroF1", metrics.get("macroF1"))
                .add("baselineAccuracy", majority).add("baseline", "always the most frequent sentiment")
                .add("labels", Json.createObjectBuilder(labels.entrySet().stream().collect(Collectors.toMap(
                        Map.Entry::getKey, e -> (Object) e.getValue())))).build();
    }
}
