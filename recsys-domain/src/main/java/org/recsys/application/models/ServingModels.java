package org.recsys.application.models;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.sentiment.SentimentModel;

/** The models this member serves with right now; replaced whole, read without locks. */
@ApplicationScoped
public class ServingModels {

    private volatile ActiveModel<RatingModel> rating;
    private volatile ActiveModel<SentimentModel> sentiment;

    public Optional<ActiveModel<RatingModel>> rating() {
        return Optional.ofNullable(rating);
    }

    public Optional<ActiveModel<SentimentModel>> sentiment() {
        return Optional.ofNullable(sentiment);
    }

    public void serveRating(ActiveModel<RatingModel> model) {
        this.rating = model;
    }

    public void serveSentiment(ActiveModel<SentimentModel> model) {
        this.sentiment = model;
    }
}
