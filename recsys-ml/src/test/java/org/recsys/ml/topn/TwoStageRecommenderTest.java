package org.recsys.ml.topn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recsys.ml.rank.Explanation;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.Recommendation;
import org.recsys.ml.rank.UserState;

/**
 * The two-stage recommender on synthetic data with a known structure: 6 groups of 20 items, each user consumes
 * items of two groups, one group's items are far more popular, and within a group users move along the items in
 * time order (a sequential pattern only the recent-history features see).
 */
class TwoStageRecommenderTest {

    static final int GROUPS = 6;
    static final int PER_GROUP = 20;
    static List<Interaction> interactions;
    static Map<String, float[]> vectors;
    static TopNTrainer.Result trained;

    @BeforeAll
    static void train() {
        Random random = new Random(7);
        interactions = new ArrayList<>();
        for (int u = 0; u < 300; u++) {
            int first = random.nextInt(GROUPS);
            int second = (first + 1 + random.nextInt(GROUPS - 1)) % GROUPS;
            long time = 1_000_000L + u;
            for (int group : new int[] {first, second}) {
                int start = random.nextInt(PER_GROUP / 2);
                for (int k = 0; k < 6; k++) {
                    interactions.add(new Interaction("u" + u, item(group, start + k), time));
                    time += 3600;
                }
            }
            // Everyone also has a few of the bestsellers of group 0.
            interactions.add(new Interaction("u" + u, item(0, random.nextInt(3)), 900_000L + u));
        }
        vectors = new HashMap<>();
        for (int g = 0; g < GROUPS; g++) {
            for (int i = 0; i < PER_GROUP; i++) {
                float[] v = new float[8];
                v[g] = 1;
                v[7] = 0.1f * i / PER_GROUP;
                vectors.put(item(g, i), org.recsys.ml.vector.Vectors.normalized(v));
            }
        }
        trained = new TopNTrainer(TopNSettings.DEFAULTS, 3).train(interactions, vectors, 8);
    }

    static String item(int group, int index) {
        return "g" + group + "-" + index;
    }

    private static ItemCatalogue catalogue() {
        Map<String, Long> counts = new HashMap<>();
        interactions.forEach(i -> counts.merge(i.itemId(), 1L, Long::sum));
        ItemCatalogue.Builder builder = ItemCatalogue.builder(8);
        vectors.forEach((id, v) -> builder.add(id, v, null, counts.getOrDefault(id, 0L)));
        builder.add("new-in-group-3", vectors.get(item(3, 0)), null, 0);
        return builder.build();
    }

    @Test
    void servedListBeatsEverySourceAloneOnValidation() {
        Map<String, Double> v = trained.validation();
        double served = v.get("TWO_STAGE(mmr=1.00)");
        assertThat(served).isGreaterThan(v.get("NEW_USERS_popularity"));
        assertThat(served).isGreaterThanOrEqualTo(v.get("RP3BETA"));
        assertThat(served).isGreaterThanOrEqualTo(v.get("ITEM_KNN"));
    }

    @Test
    void recommendsTheUsersGroupsAndNeverWhatIsExcluded() {
        ItemCatalogue catalogue = catalogue();
        TwoStageRecommender recommender = new TwoStageRecommender(TopNSettings.DEFAULTS);
        List<String> history = List.of(item(2, 5), item(2, 4), item(2, 3), item(4, 6), item(4, 5), item(4, 4));
        UserState user = UserState.builder("someone").consumed(history).excludeForRequest(List.of(item(2, 6)))
                .build();
        List<Recommendation> top = recommender.recommend(user, catalogue, trained.model(), null, 10, null, 1.0);
        assertThat(top).hasSize(10);
        assertThat(top).extracting(Recommendation::itemId).doesNotContainAnyElementsOf(history)
                .doesNotContain(item(2, 6));
        long inGroups = top.stream().filter(r -> r.itemId().startsWith("g2-") || r.itemId().startsWith("g4-"))
                .count();
        assertThat(inGroups).isGreaterThanOrEqualTo(7);
        Recommendation first = top.get(0);
        assertThat(first.explanation().source()).isEqualTo(Explanation.Source.COLLABORATIVE);
        assertThat(history).contains(first.explanation().nearestLikedItemId());
    }

    @Test
    void oneNewInteractionChangesTheNextListWithoutRetraining() {
        ItemCatalogue catalogue = catalogue();
        TwoStageRecommender recommender = new TwoStageRecommender(TopNSettings.DEFAULTS);
        List<String> history = new ArrayList<>(List.of(item(1, 3), item(1, 2), item(1, 1), item(1, 0),
                item(1, 4), item(1, 5)));
        List<Recommendation> before = recommender.recommend(UserState.builder("u").consumed(history).build(),
                catalogue, trained.model(), null, 10, null, 1.0);
        long groupFiveBefore = before.stream().filter(r -> r.itemId().startsWith("g5-")).count();
        history.add(0, item(5, 8));
        history.add(0, item(5, 9));
        List<Recommendation> after = recommender.recommend(UserState.builder("u").consumed(history).build(),
                catalogue, trained.model(), null, 10, null, 1.0);
        assertThat(after.stream().filter(r -> r.itemId().startsWith("g5-")).count()).isGreaterThan(groupFiveBefore);
        assertThat(after).extracting(Recommendation::itemId).contains(item(5, 10));
    }

    @Test
    void newUserWithTextAndNewItemWithDescriptionAreServed() {
        ItemCatalogue catalogue = catalogue();
        TwoStageRecommender recommender = new TwoStageRecommender(TopNSettings.DEFAULTS);
        UserState nobody = UserState.builder("new").build();
        assertThat(recommender.recommend(nobody, catalogue, trained.model(), null, 5, null, 1.0)).hasSize(5);
        // The item nobody has had yet is a candidate for a user whose text points at its group.
        TwoStageRecommender.Candidates candidates = recommender.candidates(
                UserState.builder("t").profile(vectors.get(item(3, 0))).build(), catalogue, trained.model(),
                org.recsys.ml.rank.ItemFilter.ALL);
        boolean found = false;
        for (int c = 0; c < candidates.size; c++) {
            if (catalogue.id(candidates.catalogueItems[c]).equals("new-in-group-3")) {
                found = true;
                assertThat(candidates.features[c][RankingFeatures.UNKNOWN_ITEM]).isEqualTo(1.0);
                assertThat(candidates.features[c][RankingFeatures.TEXT_SIMILARITY]).isGreaterThan(0.9);
            }
        }
        assertThat(found).isTrue();

        // A new-user ranker that weighs text against itself (learnt on profiles built from histories, as the demo
        // data's did) does not rank a user who has only said what they want: their words do.
        double[] againstText = new double[RankingFeatures.COUNT + 1];
        againstText[RankingFeatures.TEXT_RANK] = -1.3;
        againstText[RankingFeatures.POPULARITY_RANK] = 1;
        TopNModel model = trained.model().withRanker(new double[][] {againstText, againstText, againstText}, 1.0);
        float[] theirWords = new float[8];
        theirWords[7] = 1;
        ItemCatalogue.Builder withTheremin = ItemCatalogue.builder(8);
        vectors.forEach((id, v) -> withTheremin.add(id, v, null, catalogue.popularity(catalogue.position(id))));
        withTheremin.add("theremin", theirWords, null, 0);
        ItemCatalogue grown = withTheremin.build();
        UserState words = UserState.builder("w").profile(theirWords).statedPreference(true).build();
        assertThat(recommender.recommend(words, grown, model, null, 3, null, 1.0))
                .extracting(Recommendation::itemId).startsWith("theremin");
        UserState withoutWords = UserState.builder("w").profile(theirWords).build();
        assertThat(recommender.recommend(withoutWords, grown, model, null, 3, null, 1.0))
                .as("the same profile not from the user's words is ranked by the model")
                .extracting(Recommendation::itemId).doesNotContain("theremin");
    }

    @Test
    void aCatalogueThatGrowsAfterTrainingLeavesOtherItemsFeaturesAndListsAlone() {
        // Another shop's data imported after training: one item far more popular than anything the ranker saw.
        ItemCatalogue before = catalogue();
        Map<String, Long> counts = new HashMap<>();
        interactions.forEach(i -> counts.merge(i.itemId(), 1L, Long::sum));
        ItemCatalogue.Builder grown = ItemCatalogue.builder(8);
        vectors.forEach((id, v) -> grown.add(id, v, null, counts.getOrDefault(id, 0L)));
        grown.add("new-in-group-3", vectors.get(item(3, 0)), null, 0);
        float[] elsewhere = new float[8];
        elsewhere[6] = 1;
        grown.add("imported-blockbuster", elsewhere, null, 1_000_000);
        ItemCatalogue after = grown.build();
        TwoStageRecommender recommender = new TwoStageRecommender(TopNSettings.DEFAULTS);
        UserState user = UserState.builder("t").profile(vectors.get(item(3, 4))).consumed(List.of(item(0, 1)))
                .build();
        org.recsys.ml.rank.ItemFilter notImported = position -> !after.id(position).startsWith("imported-");

        TwoStageRecommender.Candidates was = recommender.candidates(user, before, trained.model(),
                org.recsys.ml.rank.ItemFilter.ALL);
        TwoStageRecommender.Candidates is = recommender.candidates(user, after, trained.model(), notImported);

        Map<String, Double> popularityBefore = new HashMap<>();
        for (int c = 0; c < was.size; c++) {
            popularityBefore.put(before.id(was.catalogueItems[c]), was.features[c][RankingFeatures.POPULARITY]);
        }
        assertThat(is.size).isEqualTo(was.size);
        for (int c = 0; c < is.size; c++) {
            String id = after.id(is.catalogueItems[c]);
            assertThat(is.features[c][RankingFeatures.POPULARITY]).as(id).isEqualTo(popularityBefore.get(id));
        }
        assertThat(recommender.recommend(user, after, trained.model(), null, 10, notImported, 1.0))
                .extracting(Recommendation::itemId).containsExactlyElementsOf(recommender.recommend(user, before,
                        trained.model(), null, 10, null, 1.0).stream().map(Recommendation::itemId).toList());
    }

    @Test
    void diversifiedListsSpreadAcrossGroupsAtBoundedCost() {
        TopNModel model = trained.model();
        assertThat(model.diversityLambda()).isBetween(0.0, 1.0);
        Map<String, Double> v = trained.validation();
        String chosen = String.format(java.util.Locale.ROOT, "TWO_STAGE(mmr=%.2f)", model.diversityLambda());
        assertThat(v.get(chosen)).isGreaterThanOrEqualTo(0.97 * v.get("TWO_STAGE(mmr=1.00)") - 1e-12);
    }

    @Test
    void bytesRoundTripServesTheSameLists() {
        TopNModel copy = TopNModel.fromBytes(trained.model().toBytes());
        ItemCatalogue catalogue = catalogue();
        TwoStageRecommender recommender = new TwoStageRecommender(TopNSettings.DEFAULTS);
        UserState user = UserState.builder("x").consumed(List.of(item(3, 2), item(0, 1))).build();
        assertThat(recommender.recommend(user, catalogue, copy, null, 10, null, 0.8))
                .extracting(Recommendation::itemId).containsExactlyElementsOf(recommender.recommend(user, catalogue,
                        trained.model(), null, 10, null, 0.8).stream().map(Recommendation::itemId).toList());
        assertThat(copy.provenance()).containsKeys("rp3beta", "ease", "knownUserRanking", "newUserRanking",
                "newUserWithoutPreferenceRanking");
        assertThat(copy.popularityScale()).isPositive().isEqualTo(trained.model().popularityScale());
    }

    @Test
    void tooLittleDataIsAClearError() {
        assertThatThrownBy(() -> new TopNTrainer(TopNSettings.DEFAULTS, 1).train(
                List.of(new Interaction("a", "x", 1)), Map.of(), 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too little data");
    }

    @Test
    void aRankerLearntFromNoiseIsNotServed() {
        // Thirty users choosing at random: whatever a ranker learns is chance, so the bootstrap keeps it from known users.
        java.util.Random random = new java.util.Random(7);
        List<Interaction> noise = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            for (int k = 0; k < 12; k++) {
                noise.add(new Interaction("n" + u, "i" + random.nextInt(60), 1_000L * u + k));
            }
        }
        TopNTrainer.Result result = new TopNTrainer(TopNSettings.DEFAULTS, 3).train(noise, Map.of(), 8);
        assertThat(result.model().provenance().get("knownUserRanking")).doesNotStartWith("ranker");
        // Nor does any other ranking displace popularity for new users by chance: it must beat it significantly.
        assertThat(result.model().provenance().get("newUserWithoutPreferenceRanking")).startsWith("popularity:");

    }

    @Test
    void aTinyCatalogueWithRepeatsAndNoTextStillTrains() {
        List<Interaction> tiny = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            tiny.add(new Interaction("t" + u, "x", 10));
            tiny.add(new Interaction("t" + u, "x", 11));
            tiny.add(new Interaction("t" + u, u % 2 == 0 ? "y" : "z", 20 + u));
            tiny.add(new Interaction("t" + u, u % 3 == 0 ? "z" : "w", 100 + u));
        }
        TopNTrainer.Result result = new TopNTrainer(TopNSettings.DEFAULTS, 1).train(tiny, Map.of(), 8);
        assertThat(result.model().rp3().items()).isEqualTo(4);
        assertThat(result.validation()).containsKeys("RP3BETA", "ITEM_KNN");
    }

    @Test
    void easeMatchesTheClosedFormOnATinyMatrix() {
        // Two users: {a, b}, {a, b, c}. With lambda = 1, G = X^T X + I; B = I - P diag(1/diag(P)).
        Interactions matrix = Interactions.of(List.of(new Interaction("u1", "a", 1), new Interaction("u1", "b", 2),
                new Interaction("u2", "a", 3), new Interaction("u2", "b", 4), new Interaction("u2", "c", 5)));
        ItemItemModel ease = new EaseTrainer(1, 10).fit(matrix);
        // G = [[3, 2, 1], [2, 3, 1], [1, 1, 2]], det 8; P = adj(G) / det: P_ab = -(2*2 - 1*1) / 8, P_bb = (3*2 - 1) / 8.
        double pAB = -(2.0 * 2 - 1 * 1) / 8;
        double pBB = (3.0 * 2 - 1 * 1) / 8;
        double bAB = -pAB / pBB;
        assertThat((double) ease.weight(ease.position("a"), ease.position("b"))).isCloseTo(bAB, within(1e-5));
        assertThat(ease.weight(ease.position("a"), ease.position("a"))).isZero();
    }

    @Test
    void easeWithTextAddsTheCentredTextCosinesToTheGramMatrix() {
        // Items a and c are never chosen together but read alike; b reads differently.
        Interactions matrix = Interactions.of(List.of(new Interaction("u1", "a", 1), new Interaction("u1", "b", 2),
                new Interaction("u2", "b", 3), new Interaction("u2", "c", 4)));
        Map<String, float[]> text = Map.of("a", new float[] {1, 0, 1}, "b", new float[] {0, 1, 1},
                "c", new float[] {1, 0, 1});
        ItemTextGram gram = ItemTextGram.of(matrix, text, 3);
        // Mean of the unit vectors is (2, 1, 3) / (3 sqrt 2); centred, a and c coincide and b points away.
        int a = ease(matrix).position("a");
        int b = ease(matrix).position("b");
        int c = ease(matrix).position("c");
        double[] g = new double[9];
        gram.addTo(g, 1);
        assertThat(g[a * 3 + c]).isCloseTo(1, within(1e-6));
        assertThat(g[a * 3 + b]).isCloseTo(-1, within(1e-6));
        assertThat(g[a * 3 + a]).isCloseTo(1, within(1e-6));

        ItemItemModel plain = new EaseTrainer(1, 10).fit(matrix);
        ItemItemModel withText = new EaseTrainer(1, 0.5, gram, 10).fit(matrix);
        assertThat(plain.weight(a, c)).as("no co-occurrence, no text: no weight").isZero();
        assertThat(withText.weight(a, c)).as("text lends a and c weight").isPositive();
        assertThat(EaseTrainer.textWeight(withText)).isEqualTo(0.5);
        assertThatThrownBy(() -> new EaseTrainer(1, 0.5, null, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ItemItemModel ease(Interactions matrix) {
        return new EaseTrainer(1, 10).fit(matrix);
    }

    @Test
    void newUsersWithAndWithoutAStatedPreferenceGetTheirOwnRanking() {
        double[] known = new double[RankingFeatures.COUNT + 1];
        double[] stated = known.clone();
        double[] unstated = known.clone();
        known[0] = 1;
        stated[RankingFeatures.TEXT_SIMILARITY] = 1;
        unstated[2] = 1;
        unstated[RankingFeatures.POPULARITY] = 0.25;
        TopNModel model = trained.model().withRanker(new double[][] {known, stated, unstated}, 1.0);
        assertThat(model.rankerWeights(TopNModel.NEW_USER_HISTORY + 1, false)).isSameAs(known);
        assertThat(model.rankerWeights(TopNModel.NEW_USER_HISTORY + 1, true)).isSameAs(known);
        assertThat(model.rankerWeights(3, true)).isSameAs(stated);
        assertThat(model.rankerWeights(3, false)).isSameAs(unstated);
        assertThat(model.rankerWeights(0, false)).as("no history, no words: as new users without words")
                .isSameAs(unstated);
        assertThat(model.rankerWeights(0, true)).as("no history, own words").isSameAs(TopNModel.STATED_WORDS);
        double[] collaborative = known.clone();
        collaborative[RankingFeatures.score(1)] = 1;
        TopNModel collaborativeOnly = trained.model().withRanker(new double[][] {known, unstated, collaborative}, 1.0);
        assertThat(collaborativeOnly.rankerWeights(0, false)[RankingFeatures.POPULARITY_RANK])
                .as("a ranking by sources alone would tie every candidate at zero").isEqualTo(1.0);
        assertThat(collaborativeOnly.rankerWeights(1, true)).isSameAs(unstated);
        TopNModel twoRegimes = trained.model().withRanker(new double[][] {known, stated}, 1.0);
        assertThat(twoRegimes.rankerWeights(3, false)).as("a model saved with two regimes").isSameAs(stated);
        assertThat(TopNModel.fromBytes(model.toBytes()).rankerWeights(3, false)).containsExactly(unstated);
    }

    @Test
    void theServedListFollowsTheStatedPreferenceFlag() {
        double[] known = new double[RankingFeatures.COUNT + 1];
        double[] byText = known.clone();
        double[] byPopularity = known.clone();
        byText[RankingFeatures.TEXT_SIMILARITY] = 1;
        byPopularity[RankingFeatures.POPULARITY_RANK] = 1;
        TopNModel model = trained.model().withRanker(new double[][] {known, byText, byPopularity}, 1.0);
        TwoStageRecommender recommender = new TwoStageRecommender(TopNSettings.DEFAULTS);
        ItemCatalogue catalogue = catalogue();
        UserState.Builder user = UserState.builder("s").profile(vectors.get(item(3, 0)))
                .consumed(List.of(item(5, 1), item(5, 2)));
        List<String> stated = recommender.recommend(user.statedPreference(true).build(), catalogue, model, null, 5,
                null, 1.0).stream().map(Recommendation::itemId).toList();
        List<String> unstated = recommender.recommend(user.statedPreference(false).build(), catalogue, model, null, 5,
                null, 1.0).stream().map(Recommendation::itemId).toList();
        assertThat(stated).as("ranked by the stated text, which points at group 3")
                .allMatch(id -> id.startsWith("g3-") || id.equals("new-in-group-3"));
        assertThat(unstated).isNotEqualTo(stated);
    }

    @Test
    void rankingMetricsMatchHandComputedValues() {
        RankingMetrics metrics = new RankingMetrics(10);
        metrics.add("u", List.of("a", "x", "b", "y", "z", "q", "w", "e", "r", "t"), Set.of("a", "b", "c"),
                Map.of("a", 0, "x", 4));
        double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
        assertThat(metrics.ndcg()).isCloseTo(dcg / ideal, within(1e-9));
        assertThat(metrics.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(metrics.hitRate()).isEqualTo(1.0);
        assertThat(metrics.coverage(20)).isEqualTo(0.5);
        RankingMetrics worse = new RankingMetrics(10);
        worse.add("u", List.of("x", "y"), Set.of("a", "b", "c"), null);
        double[] difference = RankingMetrics.bootstrapDifference(metrics, worse, 200, 1);
        assertThat(difference[0]).isCloseTo(dcg / ideal, within(1e-9));
    }

    @Test
    void aRankingThatWinsOnlyWhereItWasPickedLosesOutOfFold() {
        // "lucky" is best on all users together, and significantly, only through fold 0: on fold 1 it is worse than
        // popularity. Picked on fold 1 (popularity, tied with "steady" and listed first), fold 0 is judged by
        // popularity; picked on fold 0, fold 1 is judged by "lucky", so out of fold the pick gains nothing.
        Map<String, Integer> folds = new HashMap<>();
        Map<String, RankingMetrics> measured = new java.util.LinkedHashMap<>();
        RankingMetrics popularity = new RankingMetrics(10);
        RankingMetrics lucky = new RankingMetrics(10);
        RankingMetrics steady = new RankingMetrics(10);
        for (int u = 0; u < 40; u++) {
            String user = "u" + u;
            folds.put(user, u % 2);
            popularity.add(user, List.of("x", "a"), Set.of("a"), null);
            lucky.add(user, u % 2 == 0 ? List.of("a") : List.of("x", "y", "a"), Set.of("a"), null);
            steady.add(user, List.of("x", "a"), Set.of("a"), null);
        }
        measured.put("popularity", popularity);
        measured.put("lucky", lucky);
        measured.put("steady", steady);
        assertThat(lucky.ndcg()).isGreaterThan(popularity.ndcg());

        TopNTrainer.OtherFoldPick pick = TopNTrainer.pickedOnOtherFold(measured, folds);

        assertThat(pick.picks()).containsExactly("popularity", "lucky");
        assertThat(pick.ndcgByUser()).hasSize(40);
        double[] gain = RankingMetrics.bootstrapDifference(pick.ndcgByUser(), popularity.ndcgByUser(), 500, 3);
        assertThat(gain[0]).isLessThan(0);
        assertThat(RankingMetrics.bootstrapDifference(lucky, popularity, 500, 3)[1]).isGreaterThan(0);

        // Served: the lucky pick stays out, the floor serves, and the floor is the best of those offered.
        TopNTrainer trainer = new TopNTrainer(TopNSettings.DEFAULTS, 3);
        assertThat(trainer.fixedRankingServed("lucky", List.of("popularity"), measured, folds, 3, "test"))
                .isEqualTo("popularity");
        RankingMetrics worse = new RankingMetrics(10);
        folds.keySet().forEach(user -> worse.add(user, List.of("x", "y", "a"), Set.of("a"), null));
        measured.put("worse", worse);
        assertThat(trainer.fixedRankingServed("lucky", List.of("worse", "popularity"), measured, folds, 3, "test"))
                .isEqualTo("popularity");
        // A ranking that wins on both halves displaces the floor.
        RankingMetrics winner = new RankingMetrics(10);
        folds.keySet().forEach(user -> winner.add(user, List.of("a"), Set.of("a"), null));
        measured.put("winner", winner);
        assertThat(trainer.fixedRankingServed("winner", List.of("popularity"), measured, folds, 3, "test"))
                .isEqualTo("winner");
    }
}
