package org.recsys.application.models;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.sentiment.SentimentModel;
import org.recsys.ml.topn.TopNModel;

/** The models this member serves with right now; replaced whole, read without locks. */
@ApplicationScoped
public class ServingModels {

    private volatile ActiveModel<RatingModel> rating;
    private volatile ActiveModel<SentimentModel> sentiment;
    private volatile ActiveModel<TopNModel> topN;

    public Optional<ActiveModel<RatingModel>> rating() {
        return Optional.ofNullable(rating);
    }

    public Optional<ActiveModel<SentimentModel>> sentiment() {
        return Optional.ofNullable(sentiment);
    }

    /** The two-stage top-N model, once {@code train-models} has made one. */
    public Optional<ActiveModel<TopNModel>> topN() {
        return Optional.ofNullable(topN);
    }

    public void serveTopN(ActiveModel<TopNModel> model) {
        this.topN = model;
    }

    public void serveRating(ActiveModel<RatingModel> model) {
        this.rating = model;
    }

    public void serveSentiment(ActiveModel<SentimentModel> model) {
        this.sentiment = model;
    }
}
