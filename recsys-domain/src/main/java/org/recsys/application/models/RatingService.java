package org.recsys.application.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsys.application.UnknownEntityException;
import org.recsys.application.profile.ProfileService;
import org.recsys.application.serving.LiveCatalogue;
import org.recsys.domain.model.user.UserRepository;
import org.recsys.ml.rating.RatingModel;

/** Predicted stars for a user and an item, new users and items included (from their text). */
@ApplicationScoped
public class RatingService {

    @Inject
    ServingModels models;
    @Inject
    LiveCatalogue catalogue;
    @Inject
    ProfileService profiles;
    @Inject
    UserRepository users;

    public Prediction predict(String userId, String itemId) {
        if (catalogue.facts(itemId).isEmpty()) {
            throw new UnknownEntityException("item", itemId);
        }
        if (users.find(userId).isEmpty()) {
            throw new UnknownEntityException("user", userId);
        }
        ActiveModel<RatingModel> active = models.rating().orElseThrow(() -> new ModelUnavailableException(
                "no rating model is trained yet: it needs at least 100 star ratings"));
        float[] userVector = profiles.current(userId).state().vector();
        double stars = active.model().predict(userId, itemId, userVector, catalogue.vector(itemId));
        return new Prediction(stars, active.version());
    }

    /** Predicted stars and the model version that predicted them. */
    public record Prediction(double stars, String modelVersion) {
    }
}
