package org.recsys.ml.eval;

import org.recsys.ml.interest.InterestClusterer;
import org.recsys.ml.interest.InterestMember;
import org.recsys.ml.interest.InterestPoint;
import org.recsys.ml.rank.HybridRecommender;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.Recommendation;
import org.recsys.ml.rank.UserState;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.rating.RatingModelTrainer;
import org.recsys.ml.rating.RatingRecipe;
import org.recsys.ml.rating.RatingRecord;
import org.recsys.ml.rating.ReviewTextVectors;
import org.recsys.ml.vector.Vectors;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-N evaluation with a time-ordered hold-out per user: each user's latest 20% of ratings are the test part,
 * items rated 4 or more there are the relevant ones, and every model ranks all items the user has not rated in
 * the training part. Models: popularity, item-based collaborative filtering (cosine over co-occurrence; Sarwar et
 * al., WWW 2001), and {@link HybridRecommender} with interest points, the rating model and popularity, once with
 * its default signal weights and once with weights chosen on a validation split cut the same way from the
 * training part (never on the test part).
 */
final class TopNEvaluation {

    static final int N = 10;
    static final double TEST_SHARE = 0.2;
    static final float RELEVANT = 4;
    /** Candidate settings: interest, rating, popularity weights and MMR lambda. */
    static final double[][] WEIGHT_GRID = {
        {0.6, 0.25, 0.15, 0.75}, {0.4, 0.2, 0.4, 0.75}, {0.25, 0.15, 0.6, 0.75}, {0.15, 0.15, 0.7, 0.9},
        {0.3, 0.4, 0.3, 0.75}, {0.1, 0.3, 0.6, 0.9},
    };

    private TopNEvaluation() {
    }

    /** One time-ordered split: training part and, per user, the relevant held-out items. */
    static final class Split {
        final List<RatingRecord> train = new ArrayList<>();
        final List<float[]> trainReviewVectors = new ArrayList<>();
        final Map<String, Set<String>> trainItems = new HashMap<>();
        final Map<String, Set<String>> relevant = new HashMap<>();
        final Map<String, List<RatingRecord>> userTrain = new HashMap<>();

        static Split of(List<RatingRecord> ratings, List<float[]> reviewVectors) {
            Map<String, List<Integer>> byUser = new LinkedHashMap<>();
            for (int r = 0; r < ratings.size(); r++) {
                byUser.computeIfAbsent(ratings.get(r).userId(), u -> new ArrayList<>()).add(r);
            }
            Split split = new Split();
            for (List<Integer> rows : byUser.values()) {
                List<Integer> ordered = new ArrayList<>(rows);
                ordered.sort(Comparator.<Integer>comparingLong(r -> ratings.get(r).timestamp()).thenComparing(r -> r));
                int testCount = Math.max(1, (int) Math.round(ordered.size() * TEST_SHARE));
                if (ordered.size() - testCount < 1) {
                    continue;
                }
                for (int x = 0; x < ordered.size(); x++) {
                    RatingRecord record = ratings.get(ordered.get(x));
                    if (x < ordered.size() - testCount) {
                        split.train.add(record);
                        if (reviewVectors != null) {
                            split.trainReviewVectors.add(reviewVectors.get(ordered.get(x)));
                        }
                        split.trainItems.computeIfAbsent(record.userId(), u -> new HashSet<>()).add(record.itemId());
                        split.userTrain.computeIfAbsent(record.userId(), u -> new ArrayList<>()).add(record);
                    } else if (record.rating() >= RELEVANT) {
                        split.relevant.computeIfAbsent(record.userId(), u -> new HashSet<>()).add(record.itemId());
                    }
                }
            }
            return split;
        }
    }

    /** What the models need for one split: catalogue, users, rating model, user states. */
    static final class Context {
        final Split split;
        final ItemCatalogue catalogue;
        final List<String> users;
        final Map<String, Long> counts = new HashMap<>();
        final List<String> allItems;
        final RatingModel ratingModel;
        final Map<String, UserState> states = new HashMap<>();
        final double fitSeconds;

        Context(Split split, EvaluationData data, EmbeddingStore store, long seed) {
            long start = System.nanoTime();
            this.split = split;
            Map<String, float[]> itemVectors = new HashMap<>();
            if (!data.itemTexts.isEmpty()) {
                List<String> ids = new ArrayList<>(data.itemTexts.keySet());
                List<String> texts = new ArrayList<>();
                ids.forEach(id -> texts.add(data.itemTexts.get(id)));
                List<float[]> vectors = store.encodeAll(texts);
                for (int i = 0; i < ids.size(); i++) {
                    itemVectors.put(ids.get(i), vectors.get(i));
                }
            } else if (!split.trainReviewVectors.isEmpty()) {
                // Item texts from training reviews only.
                itemVectors.putAll(new ReviewTextVectors(split.train, split.trainReviewVectors).itemVectors());
            }
            split.train.forEach(r -> counts.merge(r.itemId(), 1L, Long::sum));
            Set<String> items = new HashSet<>();
            data.ratings.forEach(r -> items.add(r.itemId()));
            allItems = new ArrayList<>(items);
            allItems.sort(Comparator.<String>comparingLong(i -> -counts.getOrDefault(i, 0L)).thenComparing(i -> i));
            ItemCatalogue.Builder builder = ItemCatalogue.builder(store.encoder().dimension());
            for (String item : allItems) {
                builder.add(item, itemVectors.get(item), data.itemCategories.get(item), counts.getOrDefault(item, 0L));
            }
            catalogue = builder.build();
            users = new ArrayList<>(split.relevant.keySet());
            users.removeIf(u -> !split.trainItems.containsKey(u));
            users.sort(String::compareTo);
            ratingModel = new RatingModelTrainer(RatingRecipe.SVD_PLUS_PLUS).withHoldout(0).withSeed(seed)
                    .withSideDimensions(0).train(split.train, Map.of(), Map.of());
            InterestClusterer clusterer = new InterestClusterer(null).withSeed(seed);
            for (String user : users) {
                states.put(user, userState(user, split.userTrain.get(user), itemVectors, clusterer));
            }
            fitSeconds = (System.nanoTime() - start) / 1e9;
        }

        Metrics hybrid(HybridRecommender recommender, boolean withRatingModel) {
            Metrics metrics = new Metrics();
            for (String user : users) {
                List<String> top = new ArrayList<>(N);
                for (Recommendation recommendation : recommender.recommend(states.get(user), catalogue,
                        withRatingModel ? ratingModel : null, N)) {
                    top.add(recommendation.itemId());
                }
                metrics.add(top, split.relevant.get(user));
            }
            return metrics;
        }
    }

    static void run(EvaluationData data, EmbeddingStore store, long seed, ResultTable table, PrintStream log) {
        List<float[]> reviewVectors = data.reviewTexts.isEmpty() ? null : store.encodeAll(data.reviewTexts);
        Split outer = Split.of(data.ratings, reviewVectors);

        // Signal weights chosen on a validation split cut from the training part.
        Split inner = Split.of(outer.train, reviewVectors == null ? null : outer.trainReviewVectors);
        Context validation = new Context(inner, data, store, seed);
        double[] best = WEIGHT_GRID[0];
        double bestNdcg = -1;
        for (double[] weights : WEIGHT_GRID) {
            double ndcg = validation.hybrid(recommender(weights), true).ndcg();
            log.printf("  validation: weights %s NDCG@10 %.4f%n", Arrays.toString(weights), ndcg);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = weights;
            }
        }

        Context test = new Context(outer, data, store, seed);
        log.printf("  top-N: %d users with relevant test items, %d items, %d training ratings%n", test.users.size(),
                test.catalogue.size(), outer.train.size());
        Metrics popularity = new Metrics();
        long start = System.nanoTime();
        for (String user : test.users) {
            List<String> top = new ArrayList<>(N);
            for (String item : test.allItems) {
                if (top.size() == N) {
                    break;
                }
                if (!outer.trainItems.get(user).contains(item)) {
                    top.add(item);
                }
            }
            popularity.add(top, outer.relevant.get(user));
        }
        popularity.report(table, "POPULARITY", 0, (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        ItemCollaborativeFiltering cf = new ItemCollaborativeFiltering(test.catalogue, outer.trainItems);
        double cfFit = (System.nanoTime() - start) / 1e9;
        Metrics cfMetrics = new Metrics();
        start = System.nanoTime();
        for (String user : test.users) {
            cfMetrics.add(cf.recommend(outer.trainItems.get(user), N), outer.relevant.get(user));
        }
        cfMetrics.report(table, "ITEM_CF", cfFit, (System.nanoTime() - start) / 1e9);

        Object[][] variants = {
            {"HYBRID_DEFAULT_WEIGHTS", new HybridRecommender(), true},
            {"HYBRID_TUNED_WEIGHTS", recommender(best), true},
            {"HYBRID_NO_RATING_MODEL", new HybridRecommender(0.6, 0.0, 0.4, 0.75, 5), false},
            {"INTEREST_ONLY", new HybridRecommender(1.0, 0.0, 0.0, 1.0, 5), false},
        };
        for (Object[] variant : variants) {
            start = System.nanoTime();
            Metrics metrics = test.hybrid((HybridRecommender) variant[1], (Boolean) variant[2]);
            metrics.report(table, (String) variant[0], test.fitSeconds, (System.nanoTime() - start) / 1e9);
        }
        double[] chosen = best;
        table.task("topn").stream().filter(r -> r.model.equals("HYBRID_TUNED_WEIGHTS")).findFirst()
                .ifPresent(r -> r.detail("weights_interest_rating_popularity_mmr", chosen));
        table.notes.put("topn_protocol", "time-ordered hold-out per user, latest " + (int) (TEST_SHARE * 100)
                + "% of each user's ratings; relevant = rated >= " + RELEVANT + "; all unrated items ranked; "
                + "hybrid weights tuned on the same cut of the training part");
    }

    private static HybridRecommender recommender(double[] weights) {
        return new HybridRecommender(weights[0], weights[1], weights[2], weights[3], 5);
    }

    static UserState userState(String user, List<RatingRecord> history, Map<String, float[]> itemVectors,
                               InterestClusterer clusterer) {
        List<RatingRecord> recentFirst = new ArrayList<>(history);
        recentFirst.sort(Comparator.comparingLong(RatingRecord::timestamp).reversed());
        List<InterestMember> members = new ArrayList<>();
        List<String> liked = new ArrayList<>();
        float[] profile = null;
        for (RatingRecord record : recentFirst) {
            float[] vector = itemVectors.get(record.itemId());
            if (record.rating() >= RELEVANT) {
                liked.add(record.itemId());
                if (vector != null) {
                    members.add(new InterestMember(record.itemId(), vector, "", record.rating() - 3));
                    if (profile == null) {
                        profile = new float[vector.length];
                    }
                    Vectors.addScaled(profile, vector, record.rating() - 3);
                }
            }
        }
        List<InterestPoint> interests = clusterer.cluster(members);
        List<String> consumed = new ArrayList<>();
        history.forEach(r -> consumed.add(r.itemId()));
        return UserState.builder(user).profile(profile).interests(interests).liked(liked).consumed(consumed).build();
    }

    /** Precision, recall and NDCG at N averaged over users. */
    static final class Metrics {
        double precision;
        double recall;
        double ndcg;
        int users;

        void add(List<String> ranked, Set<String> relevantItems) {
            int hits = 0;
            double dcg = 0;
            for (int r = 0; r < ranked.size() && r < N; r++) {
                if (relevantItems.contains(ranked.get(r))) {
                    hits++;
                    dcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int r = 0; r < Math.min(N, relevantItems.size()); r++) {
                ideal += 1 / (Math.log(r + 2) / Math.log(2));
            }
            precision += (double) hits / N;
            recall += (double) hits / relevantItems.size();
            ndcg += ideal > 0 ? dcg / ideal : 0;
            users++;
        }

        double ndcg() {
            return users == 0 ? 0 : ndcg / users;
        }

        void report(ResultTable table, String model, double fitSeconds, double recommendSeconds) {
            table.add("topn", model).put("P@10", precision / users).put("R@10", recall / users)
                    .put("NDCG@10", ndcg / users).put("fit_s", fitSeconds).put("recommend_s", recommendSeconds)
                    .detail("users", users);
        }
    }
}
