package org.recsys.application.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.recsys.application.ServingMetrics;
import org.recsys.application.UnknownEntityException;
import org.recsys.application.models.ActiveModel;
import org.recsys.application.models.ServingModels;
import org.recsys.application.profile.ProfileService;
import org.recsys.application.profile.ProfileView;
import org.recsys.domain.model.feedback.ReviewSummary;
import org.recsys.domain.model.profile.Interest;
import org.recsys.domain.model.profile.ProfileState;
import org.recsys.domain.model.user.UserRepository;
import org.recsys.ml.interest.InterestPoint;
import org.recsys.ml.rank.Explanation;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.ItemFilter;
import org.recsys.ml.rank.Recommendation;
import org.recsys.ml.rank.UserState;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.topn.TopNModel;
import org.recsys.ml.topn.TopNSettings;
import org.recsys.ml.topn.TwoStageRecommender;

/**
 * Recommendations for a user: the bandit picks a strategy, the user's profile and exclusions become a recsys-ml
 * {@code UserState}, the strategy's {@code HybridRecommender} ranks this member's catalogue snapshot, and every item
 * gets its reasons in plain words. Nothing here reads the database on the way (profiles come from the cluster
 * cache); the list shown is logged in the background.
 */
@ApplicationScoped
public class RecommendationService {

    /** The served two-stage recommender, with the one configuration the evaluation harness measures. */
    static final TwoStageRecommender TWO_STAGE = new TwoStageRecommender(TopNSettings.DEFAULTS);

    @Inject
    LiveCatalogue catalogue;
    @Inject
    ProfileService profiles;
    @Inject
    ServingModels models;
    @Inject
    Experiments experiments;
    @Inject
    ImpressionLog impressions;
    @Inject
    UserRepository users;
    @Inject
    ServingMetrics metrics;

    public RecommendationList recommend(RecommendationRequest request) {
        return metrics.recommendation(() -> answer(request));
    }

    private RecommendationList answer(RecommendationRequest request) {
        ProfileView profile = profiles.servable(request.userId());
        if (profile.version() == 0 && users.find(request.userId()).isEmpty()) {
            throw new UnknownEntityException("user", request.userId());
        }
        Strategy strategy = experiments.choose();
        ItemCatalogue snapshot = catalogue.snapshot();
        RatingModel rating = models.rating().map(ActiveModel::model).orElse(null);
        TopNModel topN = models.topN().map(ActiveModel::model).orElse(null);
        UserState user = userState(profile, request);
        ItemFilter categories = categoryFilter(snapshot, request.categories());
        List<Recommendation> ranked = topN != null
                ? TWO_STAGE.recommend(user, snapshot, topN, rating, request.count(), categories,
                        strategy.mmrLambda(topN))
                : strategy.recommender(profile.state().positives()).recommend(user, snapshot, rating,
                        request.count(), categories);

        String recommendationId = strategy.code() + "-" + UUID.randomUUID();
        List<RecommendedItem> items = new ArrayList<>(ranked.size());
        for (Recommendation r : ranked) {
            items.add(describe(r));
        }
        impressions.record(recommendationId, request.userId(), items.stream().map(RecommendedItem::itemId).toList(),
                strategy);
        return new RecommendationList(recommendationId, request.userId(), strategy, items);
    }

    /** Items like the given one, spread for diversity. */
    public List<RecommendedItem> similar(String itemId, int count) {
        if (catalogue.facts(itemId).isEmpty()) {
            throw new UnknownEntityException("item", itemId);
        }
        ItemCatalogue snapshot = catalogue.snapshot();
        return Strategy.DIVERSITY.recommender().similarItems(itemId, snapshot, count, null).stream().map(r -> {
            ItemFacts facts = catalogue.facts(r.itemId()).orElse(null);
            String title = facts == null ? r.itemId() : facts.title();
            ReviewSummary reviews = facts == null ? ReviewSummary.NONE : facts.reviews();
            String sourceTitle = catalogue.facts(itemId).map(ItemFacts::title).orElse(itemId);
            return new RecommendedItem(r.itemId(), title, r.score(), r.interestContribution(), 0, 0, List.of(), itemId,
                    sourceTitle, Double.NaN, reviews, String.format(java.util.Locale.ROOT,
                    "Similar to \u201c%s\u201d (similarity %.2f).", sourceTitle, r.score()));
        }).toList();
    }

    private RecommendedItem describe(Recommendation r) {
        Explanation why = r.explanation();
        ItemFacts facts = catalogue.facts(r.itemId()).orElse(new ItemFacts(r.itemId(), List.of(), ReviewSummary.NONE));
        String liked = why.nearestLikedItemId() != null && (why.source() == Explanation.Source.COLLABORATIVE
                || why.nearestLikedSimilarity() >= Explanations.NAMED_SIMILARITY) ? why.nearestLikedItemId() : null;
        String likedTitle = liked == null ? null : catalogue.facts(liked).map(ItemFacts::title).orElse(liked);
        return new RecommendedItem(r.itemId(), facts.title(), r.score(), r.interestContribution(),
                r.ratingContribution(), r.popularityContribution(), why.interestTags(), liked, likedTitle,
                why.predictedRating(), facts.reviews(), Explanations.text(why, likedTitle, facts.reviews()));
    }

    private static UserState userState(ProfileView profile, RecommendationRequest request) {
        ProfileState state = profile.state();
        Set<String> excluded = new HashSet<>(state.rejected());
        excluded.addAll(request.excluded());
        if (!request.includeConsumed()) {
            excluded.addAll(state.consumed());
        }
        List<InterestPoint> interests = new ArrayList<>(state.interests().size());
        for (Interest interest : state.interests()) {
            interests.add(new InterestPoint(interest.centroid(), interest.weight(), interest.memberItemIds(),
                    interest.memberItemIds().size(), interest.tags()));
        }
        return new UserState(request.userId(), state.vector(), interests, state.liked(), Set.copyOf(excluded),
                Set.of(), state.consumed(), state.statedPreference());
    }

    private ItemFilter categoryFilter(ItemCatalogue snapshot, Set<String> categories) {
        if (categories.isEmpty()) {
            return null;
        }
        return position -> catalogue.facts(snapshot.id(position)).map(f -> f.categories().stream()
                .anyMatch(categories::contains)).orElse(false);
    }
}
