package org.recsys.ml.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.recsys.ml.rank.HybridRecommender;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.Recommendation;
import org.recsys.ml.rank.ScoredItems;
import org.recsys.ml.rank.UserState;
import org.recsys.ml.rating.RatingRecord;
import org.recsys.ml.rating.ReviewTextVectors;
import org.recsys.ml.topn.Interaction;
import org.recsys.ml.topn.Interactions;
import org.recsys.ml.topn.ItemItemModel;
import org.recsys.ml.topn.RankingMetrics;
import org.recsys.ml.topn.TimeSplit;
import org.recsys.ml.topn.TopNModel;
import org.recsys.ml.topn.TopNSettings;
import org.recsys.ml.topn.TopNTrainer;
import org.recsys.ml.topn.TwoStageRecommender;

/**
 * Top-N evaluation of what the server serves, next to strong baselines on the same split: each user's newest 20%
 * of interactions are held out and all of them count as relevant; every model ranks every item the user has not
 * had. The served recommender is {@link TwoStageRecommender} trained by {@link TopNTrainer} with
 * {@link TopNSettings#DEFAULTS}, exactly as the server's {@code train-models} job does, once without diversity (the
 * relevance strategy) and once with the chosen MMR trade-off (the diversity strategy). Baselines, each tuned on the
 * same validation cut of the training part: popularity, trending, ItemKNN, EASE^R, RP3beta; plus the text source
 * alone and the previous hybrid. A cold-start slice keeps only each test user's three oldest interactions.
 */
final class TopNEvaluation {

    static final int N = TopNSettings.N;
    static final double TEST_SHARE = 0.2;
    static final int COLD_EVENTS = 3;

    /** Share of the test users who become real new users for the NEW_USER_* rows. */
    static final double NEW_USER_SHARE = 0.2;

    private TopNEvaluation() {
    }

    /**
     * Real new users: a share of the test users keep only their oldest {@link #COLD_EVENTS} training interactions,
     * the models are trained again on that training data (so no model knows the rest of their history, as for a user
     * who just arrived), and those users are ranked against their held-out items.
     */
    private static void newUsers(TimeSplit outer, List<Interaction> all, Map<String, float[]> itemVectors,
                                 int dimension, long seed, Map<String, RankingMetrics> results,
                                 Map<String, Double> seconds, Map<String, Integer> popularityRanks, PrintStream log,
                                 Function<Interaction, String> reviewText, EmbeddingStore store) {
        List<String> testUsers = new ArrayList<>(outer.heldOut().keySet());
        testUsers.sort(null);
        java.util.Collections.shuffle(testUsers, new java.util.Random(seed));
        Set<String> chosen = new java.util.HashSet<>(testUsers.subList(0,
                (int) Math.round(testUsers.size() * NEW_USER_SHARE)));
        Map<String, List<Interaction>> byUser = new HashMap<>();
        List<Interaction> train = new ArrayList<>();
        for (Interaction i : outer.train()) {
            if (chosen.contains(i.userId())) {
                byUser.computeIfAbsent(i.userId(), u -> new ArrayList<>()).add(i);
            } else {
                train.add(i);
            }
        }
        Map<String, List<Interaction>> kept = new HashMap<>();
        byUser.forEach((user, history) -> {
            history.sort(java.util.Comparator.comparingLong(Interaction::timestamp));
            kept.put(user, history.subList(0, Math.min(COLD_EVENTS, history.size())));
            train.addAll(kept.get(user));
        });
        Map<String, Set<String>> relevant = new HashMap<>(outer.heldOut());
        relevant.keySet().retainAll(chosen);
        TimeSplit split = new TimeSplit(train, outer.heldOut());
        TopNModel model;
        try {
            model = new TopNTrainer(TopNSettings.DEFAULTS, seed)
                    .withLog(line -> {
                        if (line.contains("NEW_USERS")) {
                            log.println("  (new-user training)" + line);
                        }
                    })
                    .train(train, itemVectors, dimension).model();
        } catch (IllegalArgumentException e) {
            log.println("  top-N new users: not evaluated: " + e.getMessage());
            return;
        }
        Map<String, List<String>> histories = split.historiesNewestFirst();
        relevant.keySet().retainAll(histories.keySet());
        ItemCatalogue catalogue = TopNTrainer.catalogue(Interactions.of(train), itemVectors, dimension, all);
        Map<String, UserState> states = TopNTrainer.userStates(histories, relevant.keySet(), itemVectors, dimension,
                split.profileWeights());
        TwoStageRecommender served = new TwoStageRecommender(TopNSettings.DEFAULTS);
        log.printf(Locale.ROOT, "  top-N new users: %d users cut to %d interactions, ranked without a stated "
                + "preference by %s%n", relevant.size(), COLD_EVENTS,
                model.provenance().get("newUserWithoutPreferenceRanking"));
        measure(results, seconds, "NEW_USER_POPULARITY", relevant, popularityRanks,
                user -> TopNTrainer.popular(catalogue, states.get(user), N));
        measure(results, seconds, "NEW_USER_EASE_OR_RP3", relevant, popularityRanks,
                user -> TopNTrainer.recommend(model.ease() != null ? model.ease() : model.rp3(), histories.get(user),
                        N));
        measure(results, seconds, "NEW_USER_SERVED", relevant, popularityRanks,
                user -> ids(served.recommend(states.get(user), catalogue, model, null, N, null, 1.0)));

        // The same new users with a preference text: no dataset here holds one, so each user's own words stand in
        // for it, the reviews they wrote of the items they kept (the mean of their vectors), folded in before their
        // events as the server folds the text of PUT /users. Datasets without review texts have no such row.
        Map<String, float[]> statedTexts = new HashMap<>();
        for (String user : relevant.keySet()) {
            List<String> texts = kept.getOrDefault(user, List.of()).stream().map(reviewText)
                    .filter(t -> t != null && !t.isBlank()).toList();
            if (!texts.isEmpty()) {
                float[] mean = new float[dimension];
                for (float[] v : store.encodeAll(texts)) {
                    for (int d = 0; d < dimension; d++) {
                        mean[d] += v[d] / texts.size();
                    }
                }
                statedTexts.put(user, mean);
            }
        }
        if (statedTexts.isEmpty()) {
            return;
        }
        Map<String, Set<String>> stating = new HashMap<>(relevant);
        stating.keySet().retainAll(statedTexts.keySet());
        Map<String, UserState> statedStates = TopNTrainer.userStates(histories, stating.keySet(), itemVectors,
                dimension, split.profileWeights(), statedTexts);
        log.printf(Locale.ROOT, "  top-N new users with a preference text (their kept reviews): %d users, "
                + "ranked by %s%n", stating.size(), model.provenance().get("newUserRanking"));
        measure(results, seconds, "NEW_USER_STATED_POPULARITY", stating, popularityRanks,
                user -> TopNTrainer.popular(catalogue, statedStates.get(user), N));
        measure(results, seconds, "NEW_USER_STATED_SERVED", stating, popularityRanks,
                user -> ids(served.recommend(statedStates.get(user), catalogue, model, null, N, null, 1.0)));
    }

    static void run(EvaluationData data, EmbeddingStore store, long seed, ResultTable table, PrintStream log) {
        List<Interaction> interactions = new ArrayList<>(data.ratings.size());
        Map<Interaction, Integer> row = new IdentityHashMap<>();
        for (int r = 0; r < data.ratings.size(); r++) {
            RatingRecord rating = data.ratings.get(r);
            Interaction interaction = new Interaction(rating.userId(), rating.itemId(), rating.timestamp(),
                    org.recsys.ml.profile.FeedbackWeights.ratingWeight(rating.rating(), 1, 5));
            interactions.add(interaction);
            row.put(interaction, r);
        }
        TimeSplit outer = TimeSplit.newestPerUser(interactions, TEST_SHARE);
        int dimension = store.encoder().dimension();
        Map<String, float[]> itemVectors = itemVectors(data, store, outer, row);

        long start = System.nanoTime();
        TopNTrainer.Result trained;
        try {
            trained = new TopNTrainer(TopNSettings.DEFAULTS, seed).withLog(log::println)
                    .train(outer.train(), itemVectors, dimension);
        } catch (IllegalArgumentException e) {
            log.println("  top-N: not evaluated: " + e.getMessage());
            table.notes.put("topn_" + data.name, "not evaluated: " + e.getMessage());
            return;
        }
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        TopNModel model = trained.model();
        Interactions train = Interactions.of(outer.train());
        Map<String, List<String>> histories = outer.historiesNewestFirst();
        Map<String, Set<String>> relevant = outer.heldOut();
        relevant.keySet().retainAll(histories.keySet());
        ItemCatalogue catalogue = TopNTrainer.catalogue(train, itemVectors, dimension, interactions);
        Map<String, Map<String, Double>> profileWeights = outer.profileWeights();
        Map<String, UserState> states = TopNTrainer.userStates(histories, relevant.keySet(), itemVectors, dimension,
                profileWeights);
        Map<String, Integer> popularityRanks = catalogue.popularityRanks();
        log.printf(Locale.ROOT, "  top-N: %d test users, %d items, %d training interactions, trained in %.1f s%n",
                relevant.size(), catalogue.size(), outer.train().size(), fitSeconds);

        Map<String, RankingMetrics> results = new java.util.LinkedHashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        TwoStageRecommender served = new TwoStageRecommender(TopNSettings.DEFAULTS);
        HybridRecommender previous = new HybridRecommender();
        measure(results, seconds, "POPULARITY", relevant, popularityRanks,
                user -> TopNTrainer.popular(catalogue, states.get(user), N));
        measure(results, seconds, "ITEM_KNN", relevant, popularityRanks,
                user -> TopNTrainer.recommend(model.knn(), histories.get(user), N));
        ItemItemModel easeBaseline = TopNTrainer.easeBaseline(model, train, TopNSettings.DEFAULTS);
        if (easeBaseline != null) {
            measure(results, seconds, "EASE", relevant, popularityRanks,
                    user -> TopNTrainer.recommend(easeBaseline, histories.get(user), N));
        }
        if (model.ease() != null && model.ease() != easeBaseline) {
            // The candidate source served: EASE^R with the items' text similarities (not a baseline).
            measure(results, seconds, "EASE_WITH_TEXT", relevant, popularityRanks,
                    user -> TopNTrainer.recommend(model.ease(), histories.get(user), N));
        }
        measure(results, seconds, "RP3BETA", relevant, popularityRanks,
                user -> TopNTrainer.recommend(model.rp3(), histories.get(user), N));
        // The recency-weighted history alone, as the ranker's recent-history features score it.
        measure(results, seconds, (model.ease() != null ? "EASE" : "RP3BETA") + "_RECENT_HISTORY", relevant,
                popularityRanks, user -> TopNTrainer.recommend(model.ease() != null ? model.ease() : model.rp3(),
                        histories.get(user), N, true));
        measure(results, seconds, "TEXT_PROFILE_ONLY", relevant, popularityRanks,
                user -> textOnly(catalogue, states.get(user)));
        measure(results, seconds, "HYBRID_PREVIOUS", relevant, popularityRanks,
                user -> ids(previous.recommend(states.get(user), catalogue, null, N)));
        measure(results, seconds, "SERVED_RELEVANCE", relevant, popularityRanks,
                user -> ids(served.recommend(states.get(user), catalogue, model, null, N, null, 1.0)));
        measure(results, seconds, "SERVED_DIVERSITY", relevant, popularityRanks,
                user -> ids(served.recommend(states.get(user), catalogue, model, null, N, null,
                        model.diversityLambda())));

        // Cold start: only each test user's three oldest interactions are known.
        Map<String, List<String>> coldHistories = new HashMap<>();
        histories.forEach((user, history) -> coldHistories.put(user,
                history.subList(Math.max(0, history.size() - COLD_EVENTS), history.size())));
        Map<String, UserState> coldStates = TopNTrainer.userStates(coldHistories, relevant.keySet(), itemVectors,
                dimension, profileWeights);
        measure(results, seconds, "COLD_POPULARITY", relevant, popularityRanks,
                user -> TopNTrainer.popular(catalogue, coldStates.get(user), N));
        measure(results, seconds, "COLD_EASE_OR_RP3", relevant, popularityRanks,
                user -> TopNTrainer.recommend(model.ease() != null ? model.ease() : model.rp3(),
                        coldHistories.get(user), N));
        measure(results, seconds, "COLD_SERVED", relevant, popularityRanks,
                user -> ids(served.recommend(coldStates.get(user), catalogue, model, null, N, null, 1.0)));

        Function<Interaction, String> reviewText = data.reviewTexts.isEmpty() ? i -> null
                : i -> data.reviewTexts.get(row.get(i));
        newUsers(outer, interactions, itemVectors, dimension, seed, results, seconds, popularityRanks, log,
                reviewText, store);

        String bestBaseline = null;
        for (String name : List.of("EASE", "RP3BETA", "ITEM_KNN")) {
            if (results.containsKey(name) && (bestBaseline == null
                    || results.get(name).ndcg() > results.get(bestBaseline).ndcg())) {
                bestBaseline = name;
            }
        }
        for (Map.Entry<String, RankingMetrics> entry : results.entrySet()) {
            RankingMetrics m = entry.getValue();
            ResultTable.Row r = table.add("topn", entry.getKey()).put("NDCG@10", m.ndcg()).put("R@10", m.recall())
                    .put("HR@10", m.hitRate()).put("coverage", m.coverage(catalogue.size()))
                    .put("mean_pop_rank", m.meanPopularityRank())
                    .put("fit_s", entry.getKey().startsWith("SERVED") ? fitSeconds : 0)
                    .put("recommend_s", seconds.get(entry.getKey())).detail("users", m.users());
            if (bestBaseline != null && entry.getKey().startsWith("SERVED")) {
                double[] ci = RankingMetrics.bootstrapDifference(m, results.get(bestBaseline), 1000, seed);
                r.detail("vs_" + bestBaseline, String.format(Locale.ROOT, "ratio %.3f, NDCG difference %.4f "
                        + "(95%% CI %.4f .. %.4f)", m.ndcg() / results.get(bestBaseline).ndcg(), ci[0], ci[1],
                        ci[2]));
                log.printf(Locale.ROOT, "  %s vs %s: ratio %.3f, difference %.4f, 95%% CI [%.4f, %.4f]%n",
                        entry.getKey(), bestBaseline, m.ndcg() / results.get(bestBaseline).ndcg(), ci[0], ci[1],
                        ci[2]);
            }
        }
        for (String prefix : List.of("NEW_USER_", "NEW_USER_STATED_")) {
            RankingMetrics newServed = results.get(prefix + "SERVED");
            RankingMetrics newPopular = results.get(prefix + "POPULARITY");
            if (newServed != null && newPopular != null) {
                double[] ci = RankingMetrics.bootstrapDifference(newServed, newPopular, 1000, seed);
                log.printf(Locale.ROOT, "  %sSERVED vs %sPOPULARITY: ratio %.3f, difference %.4f, "
                        + "95%% CI [%.4f, %.4f]%n", prefix, prefix, newServed.ndcg() / newPopular.ndcg(), ci[0],
                        ci[1], ci[2]);
            }
        }
        table.task("topn").stream().filter(r -> r.model.equals("SERVED_RELEVANCE")).findFirst()
                .ifPresent(r -> r.detail("model", model.provenance()));
        table.notes.put("topn_protocol", "time-ordered hold-out per user, newest " + (int) (TEST_SHARE * 100)
                + "% of each user's interactions, all relevant; every unseen item ranked; served = TwoStageRecommender "
                + "with TopNSettings.DEFAULTS (the server's configuration); baselines tuned on the same validation cut "
                + "of the training part; COLD_* rows know only each test user's " + COLD_EVENTS
                + " oldest interactions (the models still learnt from the rest of their history); NEW_USER_* rows are "
                + (int) (NEW_USER_SHARE * 100) + "% of the test users whose training part was cut to their "
                + COLD_EVENTS + " oldest interactions before a second training, as real new users; NEW_USER_STATED_* "
                + "rows are those users with the reviews they wrote of their kept items as a stated preference text");
    }

    private static void measure(Map<String, RankingMetrics> results, Map<String, Double> seconds, String name,
                                Map<String, Set<String>> relevant, Map<String, Integer> popularityRanks,
                                Function<String, List<String>> recommender) {
        RankingMetrics metrics = new RankingMetrics(N);
        long start = System.nanoTime();
        try {
            for (Map.Entry<String, Set<String>> user : relevant.entrySet()) {
                metrics.add(user.getKey(), recommender.apply(user.getKey()), user.getValue(), popularityRanks);
            }
        } catch (RuntimeException e) {
            System.err.println("  " + name + " failed: " + e);
            return;
        }
        seconds.put(name, (System.nanoTime() - start) / 1e9);
        results.put(name, metrics);
    }

    private static Map<String, float[]> itemVectors(EvaluationData data, EmbeddingStore store, TimeSplit outer,
                                                    Map<Interaction, Integer> row) {
        Map<String, float[]> itemVectors = new HashMap<>();
        if (!data.itemTexts.isEmpty()) {
            List<String> ids = new ArrayList<>(data.itemTexts.keySet());
            List<float[]> vectors = store.encodeAll(ids.stream().map(data.itemTexts::get).toList());
            for (int i = 0; i < ids.size(); i++) {
                itemVectors.put(ids.get(i), vectors.get(i));
            }
        } else if (!data.reviewTexts.isEmpty()) {
            // Review-only catalogues: an item's text is its training reviews.
            List<RatingRecord> records = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Interaction interaction : outer.train()) {
                int r = row.get(interaction);
                records.add(data.ratings.get(r));
                texts.add(data.reviewTexts.get(r));
            }
            itemVectors.putAll(new ReviewTextVectors(records, store.encodeAll(texts)).itemVectors());
        }
        return itemVectors;
    }

    private static List<String> textOnly(ItemCatalogue catalogue, UserState user) {
        if (user.profileVector() == null) {
            return List.of();
        }
        ScoredItems found = catalogue.nearest(org.recsys.ml.vector.Vectors.normalized(user.profileVector()), N,
                user.allowedIn(catalogue, null));
        List<String> top = new ArrayList<>(N);
        for (int r = 0; r < found.size(); r++) {
            top.add(catalogue.id(found.items()[r]));
        }
        return top;
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        List<String> ids = new ArrayList<>(recommendations.size());
        recommendations.forEach(r -> ids.add(r.itemId()));
        return ids;
    }
}
