package org.recsys.application.serving;

import java.util.Arrays;
import java.util.Optional;
import org.recsys.ml.rank.HybridRecommender;

/**
 * The ranking strategies that run side by side. Once {@code train-models} has made a top-N model both serve the
 * recsys-ml two-stage recommender, {@link #RELEVANCE} without diversification and {@link #DIVERSITY} with the MMR
 * trade-off chosen on validation (at most 3% NDCG cost). Before that (a new installation) each is the
 * recsys-ml {@link HybridRecommender} with its own signal
 * weights (interest similarity / rating model / popularity) and diversity (MMR lambda, 1 = none), and a variant for
 * users with little history: for them the rating model knows nothing personal and popularity would drown what they
 * told us in their own words, so their profile (from their text) leads, with light diversity only (one vector has no
 * interests to spread across).
 */
public enum Strategy {

    /** Weights chosen on a validation split of MovieLens 100K by the evaluation harness: accuracy first. */
    RELEVANCE("rel", "Two-stage recommender, ranked for relevance alone",
            new HybridRecommender(0.3, 0.4, 0.3, 0.85, 5), new HybridRecommender(0.7, 0.15, 0.15, 0.85, 5)),
    /** The user's interest points lead and the list is spread across them. */
    DIVERSITY("div", "Two-stage recommender, the list spread by MMR",
            new HybridRecommender(0.6, 0.25, 0.15, 0.6, 5), new HybridRecommender(0.8, 0.1, 0.1, 0.85, 5));

    /** Fewer positive signals than this make a user new to the recommender. */
    static final int NEW_USER_POSITIVES = 3;

    private final String code;
    private final String description;
    private final HybridRecommender recommender;
    private final HybridRecommender newUserRecommender;

    Strategy(String code, String description, HybridRecommender recommender, HybridRecommender newUserRecommender) {
        this.code = code;
        this.description = description;
        this.recommender = recommender;
        this.newUserRecommender = newUserRecommender;
    }

    /** The MMR trade-off this strategy asks of the two-stage recommender (1 = none). */
    double mmrLambda(org.recsys.ml.topn.TopNModel model) {
        return this == DIVERSITY ? model.diversityLambda() : 1.0;
    }

    /** The prefix of the recommendation ids this strategy hands out. */
    public String code() {
        return code;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return description;
    }

    HybridRecommender recommender() {
        return recommender;
    }

    /** The recommender for a user with this many positive signals so far. */
    HybridRecommender recommender(int positives) {
        return positives < NEW_USER_POSITIVES ? newUserRecommender : recommender;
    }

    /** The strategy that produced a recommendation id, when the id is one of ours. */
    public static Optional<Strategy> ofRecommendation(String recommendationId) {
        if (recommendationId == null) {
            return Optional.empty();
        }
        int dash = recommendationId.indexOf('-');
        String code = dash < 0 ? "" : recommendationId.substring(0, dash);
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
