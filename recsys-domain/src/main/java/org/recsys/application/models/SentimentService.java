package org.recsys.application.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.infrastructure.ml.TextEncoding;
import org.recsys.ml.sentiment.Sentiment;
import org.recsys.ml.sentiment.SentimentModel;
import org.recsys.ml.sentiment.SentimentPrediction;

/** The sentiment of a text, by the active review model. */
@ApplicationScoped
public class SentimentService {

    @Inject
    ServingModels models;
    @Inject
    TextEncoding encoding;

    /** What the active model says of the text. */
    public Judgement judge(String text) {
        ActiveModel<SentimentModel> active = models.sentiment().orElseThrow(() -> new ModelUnavailableException(
                "no sentiment model is trained yet: it needs at least 30 reviews with stars"));
        return new Judgement(active.model().predict(encoding.encode(text)), active.version());
    }

    /**
     * For the profile update: P(positive) and P(negative) of a review that came without stars, or NaN when the
     * event has stars, is no review, or no model is trained (its stars, or its type, set the weight instead).
     */
    public double[] probabilitiesFor(FeedbackEvent event) {
        if (event.type() != FeedbackType.REVIEW || event.value() != null || event.text() == null
                || models.sentiment().isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SentimentPrediction prediction = judge(event.text()).prediction();
        return new double[] {prediction.probability(Sentiment.POSITIVE), prediction.probability(Sentiment.NEGATIVE)};
    }

    /** A prediction and the model version that made it. */
    public record Judgement(SentimentPrediction prediction, String modelVersion) {
    }
}
