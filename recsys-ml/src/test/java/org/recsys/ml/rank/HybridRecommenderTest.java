package org.recsys.ml.rank;

import org.junit.jupiter.api.Test;
import org.recsys.ml.interest.InterestClusterer;
import org.recsys.ml.interest.InterestMember;
import org.recsys.ml.interest.InterestPoint;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.rating.RatingModelTrainer;
import org.recsys.ml.rating.RatingRecipe;
import org.recsys.ml.rating.RatingRecord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HybridRecommenderTest {

    private final float[][] vectors = RankFixtures.clusteredVectors(2000, 24, 20, 5);
    private final ItemCatalogue catalogue = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.HNSW);
    private final HybridRecommender recommender = new HybridRecommender();

    /** Vectors of items i{topic}, i{topic+20}, ... belong to the same topic. */
    private List<InterestPoint> interests(int[] topics, int[] counts) {
        List<InterestMember> members = new ArrayList<>();
        for (int t = 0; t < topics.length; t++) {
            for (int m = 0; m < counts[t]; m++) {
                int item = topics[t] + 20 * m;
                members.add(new InterestMember("i" + item, vectors[item], "", 1));
            }
        }
        return new InterestClusterer(null).withSeed(1).cluster(members);
    }

    @Test
    void neverReturnsExcludedItemsAndRespectsCategories() {
        Random random = new Random(9);
        for (int trial = 0; trial < 30; trial++) {
            Set<String> excluded = new HashSet<>();
            for (int e = 0; e < 200; e++) {
                excluded.add("i" + random.nextInt(2000));
            }
            UserState user = UserState.builder("u" + trial).profile(vectors[random.nextInt(2000)])
                    .consumed(excluded).categories(trial % 2 == 0 ? List.of("even") : List.of()).build();
            List<Recommendation> result = recommender.recommend(user, catalogue, null, 20);
            assertThat(result).hasSize(20);
            assertThat(result).extracting(Recommendation::itemId).doesNotContainAnyElementsOf(excluded)
                    .doesNotHaveDuplicates();
            if (trial % 2 == 0) {
                assertThat(result).allMatch(r -> Integer.parseInt(r.itemId().substring(1)) % 2 == 0);
            }
        }
    }

    @Test
    void anExtraFilterLimitsPersonalAndPopularResultsAlike() {
        ItemFilter multiplesOfSeven = item -> Integer.parseInt(catalogue.id(item).substring(1)) % 7 == 0;
        UserState profiled = UserState.builder("p").profile(vectors[14]).build();
        UserState unknown = UserState.builder("nobody").build();

        List<Recommendation> personal = recommender.recommend(profiled, catalogue, null, 15, multiplesOfSeven);
        List<Recommendation> popular = recommender.recommend(unknown, catalogue, null, 15, multiplesOfSeven);

        assertThat(personal).hasSize(15).allMatch(r -> Integer.parseInt(r.itemId().substring(1)) % 7 == 0);
        assertThat(popular).hasSize(15).allMatch(r -> Integer.parseInt(r.itemId().substring(1)) % 7 == 0);
    }

    @Test
    void sharesSlotsByInterestWeightSoMinorInterestsStillAppear() {
        List<InterestPoint> points = interests(new int[] {3, 7}, new int[] {12, 4});
        assertThat(points).hasSize(2);
        UserState user = UserState.builder("u").interests(points).build();
        List<Recommendation> result = recommender.recommend(user, catalogue, null, 10);
        long major = result.stream().filter(r -> Integer.parseInt(r.itemId().substring(1)) % 20 == 3).count();
        long minor = result.stream().filter(r -> Integer.parseInt(r.itemId().substring(1)) % 20 == 7).count();
        assertThat(major).isGreaterThan(minor);
        assertThat(minor).isPositive();
        assertThat(result).allSatisfy(r -> {
            assertThat(r.explanation().source()).isEqualTo(Explanation.Source.INTEREST);
            assertThat(r.interestContribution() + r.popularityContribution() + r.ratingContribution())
                    .isCloseTo(r.score(), org.assertj.core.api.Assertions.within(1e-9));
        });
        assertThat(HybridRecommender.shareSlots(new double[] {0.75, 0.25}, 20)).containsExactly(15, 5);
        assertThat(HybridRecommender.shareSlots(new double[] {0.98, 0.01, 0.01}, 10)).containsExactly(8, 1, 1);
    }

    @Test
    void coldStartUsersGetProfileResultsAndEmptyUsersGetPopularItems() {
        UserState textOnly = UserState.builder("new").profile(vectors[5]).build();
        List<Recommendation> personal = recommender.recommend(textOnly, catalogue, null, 10);
        assertThat(personal).allMatch(r -> Integer.parseInt(r.itemId().substring(1)) % 20 == 5);
        assertThat(personal.get(0).explanation().source()).isEqualTo(Explanation.Source.PROFILE);

        UserState nobody = UserState.builder("nobody").consumed(List.of("i96")).build();
        List<Recommendation> popular = recommender.recommend(nobody, catalogue, null, 5);
        // Count 96 is the top (i96, i193, ..., i1939); ties go by id, so i1066 comes first once i96 is consumed.
        assertThat(popular).extracting(Recommendation::itemId).doesNotContain("i96").contains("i1066");
        assertThat(popular).allMatch(r -> r.explanation().source() == Explanation.Source.POPULAR);
        assertThat(popular.get(0).explanation().toText()).contains("Popular");
    }

    @Test
    void newItemsWithAVectorAreRecommendableAtOnce() {
        CatalogueStore store = new CatalogueStore(catalogue);
        float[] fresh = vectors[11].clone();
        fresh[0] += 0.01f;
        store.upsert(new CatalogueItem("brand-new", fresh, "odd", 0));
        UserState user = UserState.builder("u").profile(vectors[11]).consumed(List.of("i11")).build();
        List<Recommendation> result = new HybridRecommender(1, 0, 0, 1, 5).recommend(user, store.current(), null, 5);
        assertThat(result.get(0).itemId()).isEqualTo("brand-new");
    }

    @Test
    void ratingModelAndLikedItemsFeedScoresAndExplanations() {
        List<RatingRecord> ratings = new ArrayList<>();
        Random random = new Random(3);
        for (int u = 0; u < 50; u++) {
            for (int n = 0; n < 30; n++) {
                int item = random.nextInt(200);
                ratings.add(new RatingRecord("u" + u, "i" + item, item % 20 == 4 ? 5 : 2, n));
            }
        }
        RatingModel model = new RatingModelTrainer(RatingRecipe.BIAS).withHoldout(0).withSideDimensions(0)
                .train(ratings, Map.of(), Map.of());
        UserState user = UserState.builder("u1").profile(vectors[4]).liked(List.of("i24")).build();
        List<Recommendation> result = recommender.recommend(user, catalogue, model, 5);
        assertThat(result).allSatisfy(r -> {
            assertThat(r.ratingContribution()).isPositive();
            assertThat(r.explanation().predictedRating()).isBetween(1.0, 5.0);
        });
        assertThat(result.get(0).explanation().nearestLikedItemId()).isEqualTo("i24");
        assertThat(result.get(0).explanation().toText()).contains("i24").contains("predicted rating");
        assertThat(result).extracting(Recommendation::itemId).doesNotContain("i24");
    }

    @Test
    void similarItemsAreDiverseAndExcludeTheItem() {
        List<Recommendation> similar = recommender.similarItems("i42", catalogue, 8, null);
        assertThat(similar).hasSize(8).extracting(Recommendation::itemId).doesNotContain("i42");
        assertThat(similar).allMatch(r -> Integer.parseInt(r.itemId().substring(1)) % 20 == 2);
        assertThat(recommender.similarItems("missing", catalogue, 8, null)).isEmpty();
    }

    @Test
    void mmrPrefersAnUnlikeItemOverANearDuplicate() {
        // candidates: two near duplicates of topic 1 and one topic-2 item with slightly lower relevance
        int[] candidates = {1, 21, 2};
        double[] relevance = {0.9, 0.89, 0.8};
        assertThat(Mmr.select(catalogue, candidates, relevance, 2, 0.5)).containsExactly(0, 2);
        assertThat(Mmr.select(catalogue, candidates, relevance, 2, 1.0)).containsExactly(0, 1);
    }
}
