package org.recsys.ml.topn;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.recsys.ml.profile.ProfileUpdater;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.Recommendation;
import org.recsys.ml.rank.UserState;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Learns a {@link TopNModel} from interactions, every choice made on a validation split cut by time from them
 * ({@link TimeSplit}, each user's newest {@link TopNSettings#validationShare()}):
 * <ol>
 *   <li>each collaborative source is fitted on the older part with every setting of its grid and keeps the one with
 *       the best validation NDCG@10 alone (EASE^R's lambda; RP3beta's alpha and beta; ItemKNN's shrink, fitted as
 *       a candidate source too);</li>
 *   <li>the candidates {@link TwoStageRecommender} gathers for the validation users, labelled by whether the user
 *       went on to choose them, train the ranker: Tribuo's logistic regression ({@link LinearSGDTrainer} with
 *       {@link LogMulticlass} and AdaGrad) over {@link RankingFeatures}, chosen choices up-weighted to balance the
 *       classes;</li>
 *   <li>the MMR trade-off for diversified lists is the most diverse whose validation NDCG stays within
 *       {@link TopNSettings#maxDiversityCost()} of the undiversified list;</li>
 *   <li>the sources are refitted on all the interactions with the chosen settings.</li>
 * </ol>
 * Too little data for a source leaves that source out with the reason in the provenance rather than failing.
 */
public final class TopNTrainer {

    private final TopNSettings settings;
    private final long seed;
    private Consumer<String> log = message -> { };

    public TopNTrainer(TopNSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** Where progress lines go (the harness prints them; the server logs them). */
    public TopNTrainer withLog(Consumer<String> log) {
        this.log = log;
        return this;
    }

    /**
     * The trained model with what was chosen on the way.
     *
     * @param model         the model for serving, sources refitted on all interactions
     * @param validation    validation NDCG@10 of each source alone and of the ranker, by name
     */
    public record Result(TopNModel model, Map<String, Double> validation) {
    }

    /**
     * Trains on interactions; item vectors (unit length, one dimension) give the text features, and may be empty.
     *
     * @throws IllegalArgumentException when there are fewer than two items or no user with a validation part
     */
    public Result train(List<Interaction> interactions, Map<String, float[]> itemVectors, int dimension) {
        TimeSplit split = TimeSplit.newestPerUser(interactions, settings.validationShare());
        Interactions older = Interactions.of(split.train());
        if (older.items() < 2 || split.heldOut().isEmpty()) {
            throw new IllegalArgumentException("too little data for top-N training: " + older.items() + " items, "
                    + split.heldOut().size() + " users with newer interactions to validate on");
        }
        Map<String, List<String>> histories = split.historiesNewestFirst();
        Map<String, Double> validation = new LinkedHashMap<>();
        Map<String, String> provenance = new LinkedHashMap<>();

        ItemItemModel ease = null;
        if (EaseTrainer.fits(older)) {
            ease = tune("EASE", older, histories, split.heldOut(), validation, grid(settings.easeLambdas(),
                    lambda -> new EaseTrainer(lambda, settings.neighbours())));
        } else {
            provenance.put("ease", "left out: " + older.items() + " items, dense fit only up to "
                    + EaseTrainer.MAX_ITEMS);
        }
        List<ItemItemTrainer> rp3Grid = new ArrayList<>();
        for (double alpha : settings.rp3Alphas()) {
            for (double beta : settings.rp3Betas()) {
                rp3Grid.add(new Rp3BetaTrainer(alpha, beta, settings.neighbours()));
            }
        }
        ItemItemModel rp3 = tune("RP3BETA", older, histories, split.heldOut(), validation, rp3Grid);
        ItemItemModel knn = tune("ITEM_KNN", older, histories, split.heldOut(), validation,
                grid(settings.knnShrinks(), shrink -> new ItemKnnTrainer(settings.neighbours(), shrink)));

        ItemCatalogue catalogue = catalogue(older, itemVectors, dimension, interactions);
        Map<String, UserState> users = userStates(histories, split.heldOut().keySet(), itemVectors, dimension);
        TopNModel unranked = new TopNModel(ease, rp3, knn, trending(older, settings.trendingHalfLifeDays()),
                freshness(older), new double[2][RankingFeatures.COUNT + 1], 1.0,
                Map.of());
        TwoStageRecommender recommender = new TwoStageRecommender(settings);
        List<String> rankerUsers = new ArrayList<>(split.heldOut().keySet());
        Collections.shuffle(rankerUsers, new java.util.Random(seed));
        rankerUsers = rankerUsers.subList(0, Math.min(settings.rankerUsers(), rankerUsers.size()));
        LinearSGDModel ranker = trainRanker(recommender, catalogue, unranked, users, rankerUsers, split.heldOut());
        // The new-user ranker learns from the same users shown with only their oldest 1 to 5 interactions.
        Map<String, UserState> coldStates = new LinkedHashMap<>();
        Map<String, Set<String>> coldLabels = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(seed);
        for (String user : rankerUsers) {
            List<String> history = histories.getOrDefault(user, List.of());
            int keep = 1 + random.nextInt(TopNModel.NEW_USER_HISTORY);
            coldStates.putAll(userStates(Map.of(user, history.subList(Math.max(0, history.size() - keep),
                    history.size())), Set.of(user), itemVectors, dimension));
            coldLabels.put(user, split.heldOut().get(user));
        }
        LinearSGDModel coldRanker = trainRanker(recommender, catalogue, unranked, coldStates, rankerUsers,
                coldLabels);
        double[][] weights = {weights(ranker), weights(coldRanker)};
        // The new-user ranker serves only if it beats the popularity order on those same new users.
        double[] popularityOnly = new double[RankingFeatures.COUNT + 1];
        popularityOnly[RankingFeatures.POPULARITY_RANK] = 1;
        double learnt = coldNdcg(recommender, catalogue, unranked, weights, coldStates, coldLabels);
        double popular = coldNdcg(recommender, catalogue, unranked, new double[][] {weights[0], popularityOnly},
                coldStates, coldLabels);
        log.accept(String.format(Locale.ROOT, "  validation new users: learnt ranker NDCG@10 %.4f, popularity %.4f",
                learnt, popular));
        validation.put("NEW_USER_RANKER", learnt);
        validation.put("NEW_USER_POPULARITY", popular);
        boolean coldLearnt = learnt >= popular;
        if (!coldLearnt) {
            weights[1] = popularityOnly;
        }
        TopNModel ranked = new TopNModel(ease, rp3, knn, unranked.trendingScores(), unranked.freshnessScores(), weights,
                1.0, Map.of());

        double undiversified = Double.NaN;
        double chosenLambda = 1.0;
        for (double lambda : settings.mmrLambdas()) {
            RankingMetrics metrics = new RankingMetrics(TopNSettings.N);
            for (String user : split.heldOut().keySet()) {
                metrics.add(user, ids(recommender.recommend(users.get(user), catalogue, ranked, null,
                        TopNSettings.N, null, lambda)), split.heldOut().get(user), null);
            }
            double ndcg = metrics.ndcg();
            validation.put(String.format(Locale.ROOT, "TWO_STAGE(mmr=%.2f)", lambda), ndcg);
            log.accept(String.format(Locale.ROOT, "  validation TWO_STAGE mmr %.2f: NDCG@10 %.4f", lambda, ndcg));
            if (Double.isNaN(undiversified)) {
                undiversified = ndcg;
            } else if (ndcg >= (1 - settings.maxDiversityCost()) * undiversified) {
                chosenLambda = Math.min(chosenLambda, lambda);
            }
        }

        provenance.put("ease", ease == null ? provenance.getOrDefault("ease", "left out") : ease.settings().toString());
        provenance.put("rp3beta", rp3.settings().toString());
        provenance.put("itemKnn", knn.settings().toString());
        provenance.put("ranker", ranker.getProvenance().getTrainerProvenance().getClassName() + " "
                + LogMulticlass.class.getSimpleName() + ", " + settings.rankerEpochs() + " epochs, "
                + rankerUsers.size() + " users");
        provenance.put("rankerWeights", describe(weights[0]));
        provenance.put("newUserRankerWeights", coldLearnt ? describe(weights[1])
                : "popularity order (the learnt new-user ranker was worse on validation)");
        provenance.put("tribuoVersion", ranker.getProvenance().getTribuoVersion());
        provenance.put("diversityLambda", Double.toString(chosenLambda));
        provenance.put("validationNdcg", String.format(Locale.ROOT, "%.4f", undiversified));
        provenance.put("validationUsers", Integer.toString(split.heldOut().size()));
        TopNModel validated = new TopNModel(ease, rp3, knn, unranked.trendingScores(), unranked.freshnessScores(),
                weights, chosenLambda, provenance);
        return new Result(validated.refit(Interactions.of(interactions), settings), validation);
    }

    private double coldNdcg(TwoStageRecommender recommender, ItemCatalogue catalogue, TopNModel unranked,
                            double[][] weights, Map<String, UserState> states, Map<String, Set<String>> labels) {
        TopNModel model = unranked.withRanker(weights, 1.0);
        RankingMetrics metrics = new RankingMetrics(TopNSettings.N);
        for (Map.Entry<String, UserState> user : states.entrySet()) {
            metrics.add(user.getKey(), ids(recommender.recommend(user.getValue(), catalogue, model, null,
                    TopNSettings.N, null, 1.0)), labels.get(user.getKey()), null);
        }
        return metrics.ndcg();
    }

    private interface TrainerFactory {
        ItemItemTrainer of(double value);
    }

    private static List<ItemItemTrainer> grid(double[] values, TrainerFactory factory) {
        List<ItemItemTrainer> trainers = new ArrayList<>();
        for (double value : values) {
            trainers.add(factory.of(value));
        }
        return trainers;
    }

    private ItemItemModel tune(String name, Interactions older, Map<String, List<String>> histories,
                               Map<String, Set<String>> heldOut, Map<String, Double> validation,
                               List<ItemItemTrainer> trainers) {
        ItemItemModel best = null;
        double bestNdcg = -1;
        for (ItemItemTrainer trainer : trainers) {
            ItemItemModel model = trainer.fit(older);
            double ndcg = evaluate(model, histories, heldOut, TopNSettings.N).ndcg();
            log.accept(String.format(Locale.ROOT, "  validation %s: NDCG@10 %.4f", trainer.describe(), ndcg));
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = model;
            }
        }
        validation.put(name, bestNdcg);
        return best;
    }

    /** Scores one item-item model alone: each user's top N by its scores, the history left out. */
    public static RankingMetrics evaluate(ItemItemModel model, Map<String, List<String>> histories,
                                          Map<String, Set<String>> heldOut, int n) {
        RankingMetrics metrics = new RankingMetrics(n);
        for (Map.Entry<String, Set<String>> user : heldOut.entrySet()) {
            List<String> history = histories.getOrDefault(user.getKey(), List.of());
            metrics.add(user.getKey(), recommend(model, history, n), user.getValue(), null);
        }
        return metrics;
    }

    /** The top n of one item-item model for a history (the history itself left out). */
    public static List<String> recommend(ItemItemModel model, List<String> history, int n) {
        int[] positions = model.positions(history);
        float[] scores = model.scores(positions);
        for (int p : positions) {
            scores[p] = Float.NEGATIVE_INFINITY;
        }
        org.recsys.ml.rank.TopK top = new org.recsys.ml.rank.TopK(n);
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] > 0) {
                top.offer(j, scores[j]);
            }
        }
        List<String> out = new ArrayList<>(n);
        for (int j : top.drain().items()) {
            out.add(model.itemId(j));
        }
        return out;
    }

    private LinearSGDModel trainRanker(TwoStageRecommender recommender, ItemCatalogue catalogue, TopNModel model,
                                       Map<String, UserState> users, List<String> rankerUsers,
                                       Map<String, Set<String>> heldOut) {
        List<double[]> features = new ArrayList<>();
        List<Boolean> chosen = new ArrayList<>();
        for (String user : rankerUsers) {
            UserState state = users.get(user);
            TwoStageRecommender.Candidates candidates = recommender.candidates(state, catalogue, model,
                    state.allowedIn(catalogue, null));
            Set<String> relevant = heldOut.get(user);
            for (int c = 0; c < candidates.size; c++) {
                features.add(candidates.features[c]);
                chosen.add(relevant.contains(catalogue.id(candidates.catalogueItems[c])));
            }
        }
        long positives = chosen.stream().filter(b -> b).count();
        if (positives == 0 || positives == chosen.size()) {
            throw new IllegalArgumentException("the candidate sources found none (or only) of the validation "
                    + "users' next items: nothing to learn a ranker from");
        }
        float positiveWeight = (float) ((chosen.size() - positives) / (double) positives);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                "top-N candidates of " + rankerUsers.size() + " validation users", factory), factory);
        String[] names = RankingFeatures.NAMES.toArray(String[]::new);
        for (int e = 0; e < features.size(); e++) {
            Example<Label> example = new ArrayExample<>(new Label(chosen.get(e) ? "1" : "0"), names,
                    features.get(e).clone());
            if (chosen.get(e)) {
                example.setWeight(positiveWeight);
            }
            dataset.add(example);
        }
        log.accept(String.format(Locale.ROOT, "  ranker: %d candidates of %d users, %d chosen", features.size(),
                rankerUsers.size(), positives));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1),
                settings.rankerEpochs(), Math.max(1, settings.rankerEpochs() * features.size()), 1, seed);
        Model<Label> model1 = trainer.train(dataset);
        return (LinearSGDModel) model1;
    }

    /** The ranker as one weight per feature and a bias: the logit of "chosen" minus that of "not chosen". */
    private static double[] weights(LinearSGDModel ranker) {
        DenseMatrix w = ranker.getWeightsCopy();
        int chosen = ranker.getOutputIDInfo().getID(new Label("1"));
        int other = ranker.getOutputIDInfo().getID(new Label("0"));
        double[] weights = new double[RankingFeatures.COUNT + 1];
        for (int f = 0; f < RankingFeatures.COUNT; f++) {
            int id = ranker.getFeatureIDMap().getID(RankingFeatures.NAMES.get(f));
            weights[f] = id < 0 ? 0 : w.get(chosen, id) - w.get(other, id);
        }
        int bias = w.getDimension2Size() - 1;
        weights[RankingFeatures.COUNT] = w.get(chosen, bias) - w.get(other, bias);
        return weights;
    }

    private static String describe(double[] weights) {
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < RankingFeatures.COUNT; f++) {
            text.append(f == 0 ? "" : ", ").append(RankingFeatures.NAMES.get(f)).append('=')
                    .append(String.format(Locale.ROOT, "%.3f", weights[f]));
        }
        return text.append(String.format(Locale.ROOT, ", bias=%.3f", weights[RankingFeatures.COUNT])).toString();
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        List<String> ids = new ArrayList<>(recommendations.size());
        recommendations.forEach(r -> ids.add(r.itemId()));
        return ids;
    }

    /**
     * A catalogue of every item seen (training and later), with its text vector and the popularity of the training
     * part, as the server's catalogue holds every item with the counts it has seen.
     */
    static ItemCatalogue catalogue(Interactions counted, Map<String, float[]> itemVectors, int dimension,
                                   List<Interaction> all) {
        Set<String> items = new java.util.LinkedHashSet<>();
        for (String id : counted.itemIds) {
            items.add(id);
        }
        all.forEach(i -> items.add(i.itemId()));
        items.addAll(itemVectors.keySet());
        ItemCatalogue.Builder builder = ItemCatalogue.builder(dimension);
        for (String id : items) {
            int position = counted.itemPosition(id);
            builder.add(id, itemVectors.get(id), null, position < 0 ? 0 : counted.itemDegree(position));
        }
        return builder.build();
    }

    /**
     * User states as the server builds them: history newest first, and a text profile moved towards each item in
     * time order by the online update ({@link ProfileUpdater}, learning rate 0.2).
     */
    public static Map<String, UserState> userStates(Map<String, List<String>> historiesNewestFirst,
                                                    Set<String> users, Map<String, float[]> itemVectors,
                                                    int dimension) {
        ProfileUpdater updater = new ProfileUpdater(0.2);
        Map<String, UserState> states = new LinkedHashMap<>();
        for (String user : users) {
            List<String> history = historiesNewestFirst.getOrDefault(user, List.of());
            float[] profile = null;
            for (int x = history.size() - 1; x >= 0; x--) {
                float[] vector = itemVectors.get(history.get(x));
                if (vector != null && vector.length == dimension) {
                    if (profile == null) {
                        profile = new float[dimension];
                    }
                    updater.update(profile, vector, 1.0);
                }
            }
            states.put(user, UserState.builder(user).profile(profile).consumed(history).build());
        }
        return states;
    }

    /**
     * Per item, interactions weighted by {@code 2^(-age / halfLife)} relative to the newest interaction, divided by
     * the largest such score: 1 for the item most chosen lately.
     */
    static float[] trending(Interactions matrix, double halfLifeDays) {
        float[] scores = new float[matrix.items()];
        double halfLifeSeconds = halfLifeDays * 86_400;
        float max = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) (matrix.itemDegree(i) * Math.pow(2, -(matrix.newest - matrix.itemNewest[i])
                    / halfLifeSeconds));
            max = Math.max(max, scores[i]);
        }
        for (int i = 0; i < scores.length && max > 0; i++) {
            scores[i] /= max;
        }
        return scores;
    }

    /** Per item, {@code 2^(-age / 30 days)} with age since its first interaction: 1 for what just appeared. */
    static float[] freshness(Interactions matrix) {
        float[] scores = new float[matrix.items()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) Math.pow(2, -(matrix.newest - matrix.itemFirst[i]) / (30.0 * 86_400));
        }
        return scores;
    }

    static Set<String> itemSet(List<Interaction> interactions) {
        Set<String> items = new HashSet<>();
        interactions.forEach(i -> items.add(i.itemId()));
        return items;
    }
}
