package org.recsys.ml.topn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recsys.ml.interest.InterestPoint;
import org.recsys.ml.rank.Explanation;
import org.recsys.ml.rank.HybridRecommender;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.ItemFilter;
import org.recsys.ml.rank.Mmr;
import org.recsys.ml.rank.Recommendation;
import org.recsys.ml.rank.ScoredItems;
import org.recsys.ml.rank.TopK;
import org.recsys.ml.rank.UserState;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.vector.Vectors;

/**
 * The serving algorithm, in two stages (Covington, Adams and Sargin, RecSys 2016, and the candidate-then-rank design
 * of Metarank and Gorse):
 * <ol>
 *   <li><b>candidates</b> from several sources, each useful alone: EASE^R, RP3beta and ItemKNN over the user's live history
 *       (the item-item matrices are fixed between trainings, the history changes with every piece of feedback), the
 *       items nearest the user's interest points or text profile (how new items with a description and new users
 *       with a preference text enter), trending items and all-time popular items;</li>
 *   <li><b>ranking</b> of their union by the ranker learnt by {@link TopNTrainer} over {@link RankingFeatures};</li>
 *   <li><b>diversity</b> last: MMR over the text vectors with the trade-off the caller asks for (1 = none).</li>
 * </ol>
 * Excluded items are never returned. Each item carries the strongest real reason it is there: the history item
 * whose collaborative weight brought it (a neighbour the user liked), the interest point it matches, or its
 * popularity. Stateless apart from its settings; the catalogue snapshot and the model are immutable.
 */
public final class TwoStageRecommender {

    private final TopNSettings settings;

    public TwoStageRecommender(TopNSettings settings) {
        this.settings = settings;
    }

    /** The union of the candidate sources for one user, with every candidate's features. */
    static final class Candidates {
        final int[] catalogueItems;
        final int[] modelItems;
        final double[][] features;
        final int[] matchedQuery;
        final int[] history;
        final int size;

        Candidates(int[] catalogueItems, int[] modelItems, double[][] features, int[] matchedQuery, int[] history,
                   int size) {
            this.catalogueItems = catalogueItems;
            this.modelItems = modelItems;
            this.features = features;
            this.matchedQuery = matchedQuery;
            this.history = history;
            this.size = size;
        }
    }

    /** Gathers candidates and their features. */
    Candidates candidates(UserState user, ItemCatalogue catalogue, TopNModel model, ItemFilter filter) {
        ItemItemModel items = model.positions();
        List<String> recent = user.history().size() > settings.historyLimit()
                ? user.history().subList(0, settings.historyLimit()) : user.history();
        int[] history = items.positions(recent);
        Map<Integer, Integer> index = new HashMap<>();
        List<double[]> features = new ArrayList<>();
        List<Integer> catalogueItems = new ArrayList<>();
        java.util.function.IntFunction<double[]> row = position -> {
            Integer at = index.get(position);
            if (at == null) {
                at = features.size();
                index.put(position, at);
                features.add(new double[RankingFeatures.COUNT]);
                catalogueItems.add(position);
            }
            return features.get(at);
        };
        int excludedCount = user.excludedItemIds().size();

        ItemItemModel[] sources = model.sources();
        float[][] collaborative = new float[sources.length][];
        float[][] recentScores = new float[sources.length][];
        float[] best = new float[sources.length];
        float[] bestRecent = new float[sources.length];
        float[] decay = new float[history.length];
        for (int h = 0; h < history.length; h++) {
            decay[h] = (float) Math.pow(2, -h / RankingFeatures.RECENT_HALF_LIFE);
        }
        for (int s = 0; s < sources.length; s++) {
            if (sources[s] == null || history.length == 0) {
                continue;
            }
            float[] scores = sources[s].scores(history);
            collaborative[s] = scores;
            recentScores[s] = sources[s].scores(history, decay);
            TopK top = new TopK(settings.collaborativeCandidates() + excludedCount);
            for (int j = 0; j < scores.length; j++) {
                if (scores[j] > 0) {
                    top.offer(j, scores[j]);
                }
            }
            ScoredItems found = top.drain();
            int rank = 0;
            for (int r = 0; r < found.size() && rank < settings.collaborativeCandidates(); r++) {
                int position = catalogue.position(items.itemId(found.items()[r]));
                if (position < 0 || !filter.accept(position)) {
                    continue;
                }
                if (rank == 0) {
                    best[s] = found.scores()[r];
                }
                bestRecent[s] = Math.max(bestRecent[s], recentScores[s][found.items()[r]]);
                row.apply(position)[RankingFeatures.rank(s)] = RankingFeatures.reciprocalRank(rank);
                rank++;
            }
        }

        // Text: the profile vector scores and ranks (as the ranker learnt it); the interest points add candidates of
        // their own, the slots shared by weight, and name the interest an item matches.
        List<InterestPoint> interests = user.interests();
        float[] profile = user.profileVector() != null && Vectors.norm(user.profileVector()) > 0
                ? Vectors.normalized(user.profileVector()) : null;
        float[][] queries = new float[interests.size()][];
        double[] weights = new double[interests.size()];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = interests.get(q).centroid();
            weights[q] = Math.max(0, interests.get(q).weight());
        }
        float[] textQuery = profile != null ? profile : queries.length == 1 ? queries[0] : null;
        if (textQuery != null) {
            ScoredItems found = catalogue.nearest(textQuery, settings.textCandidates(), filter);
            for (int r = 0; r < found.size(); r++) {
                row.apply(found.items()[r])[RankingFeatures.TEXT_RANK] = RankingFeatures.reciprocalRank(r);
            }
        }
        if (queries.length > 0) {
            int[] slots = HybridRecommender.shareSlots(weights, settings.textCandidates());
            for (int q = 0; q < queries.length; q++) {
                ScoredItems found = catalogue.nearest(queries[q], slots[q], filter);
                for (int r = 0; r < found.size(); r++) {
                    row.apply(found.items()[r]);
                }
            }
        }

        // Trending (recency-weighted counts of the training data) and all-time popularity of this snapshot.
        int added = 0;
        for (int r = 0; r < items.items() && added < settings.popularCandidates(); r++) {
            int position = catalogue.position(items.itemId(model.trendingOrder(r)));
            if (position >= 0 && filter.accept(position)) {
                row.apply(position)[RankingFeatures.TRENDING_RANK] = RankingFeatures.listRank(added);
                added++;
            }
        }
        added = 0;
        for (var popular = catalogue.byPopularity(); popular.hasNext() && added < settings.popularCandidates(); ) {
            int position = popular.nextInt();
            if (filter.accept(position)) {
                row.apply(position)[RankingFeatures.POPULARITY_RANK] = RankingFeatures.listRank(added);
                added++;
            }
        }

        int m = features.size();
        int[] modelItems = new int[m];
        int[] matched = new int[m];
        int[] positions = new int[m];
        double cold = RankingFeatures.coldness(history.length);
        for (int c = 0; c < m; c++) {
            int position = catalogueItems.get(c);
            positions[c] = position;
            double[] f = features.get(c);
            int modelItem = items.position(catalogue.id(position));
            modelItems[c] = modelItem;
            for (int s = 0; s < sources.length; s++) {
                if (collaborative[s] != null && modelItem >= 0 && best[s] > 0) {
                    f[RankingFeatures.score(s)] = Math.min(1, Math.max(0, collaborative[s][modelItem] / best[s]));
                    if (bestRecent[s] > 0) {
                        f[RankingFeatures.recent(s)] = Math.min(1, Math.max(0, recentScores[s][modelItem]
                                / bestRecent[s]));
                    }
                }
            }
            float bestSimilarity = 0;
            matched[c] = -1;
            for (int q = 0; q < queries.length; q++) {
                float similarity = catalogue.similarity(queries[q], position);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    matched[c] = q;
                }
            }
            if (textQuery != null) {
                bestSimilarity = Math.max(0, catalogue.similarity(textQuery, position));
            }
            f[RankingFeatures.TEXT_SIMILARITY] = bestSimilarity;
            f[RankingFeatures.POPULARITY] = model.popularity(catalogue, position);
            f[RankingFeatures.TRENDING] = model.trending(modelItem);
            f[RankingFeatures.FRESHNESS] = model.freshness(modelItem);
            f[RankingFeatures.COLD_TEXT] = cold * bestSimilarity;
            f[RankingFeatures.COLD_POPULARITY] = cold * f[RankingFeatures.POPULARITY];
            f[RankingFeatures.UNKNOWN_ITEM] = modelItem < 0 ? 1 : 0;
            double collaborativeMean = 0;
            for (int s = 0; s < sources.length; s++) {
                collaborativeMean += f[RankingFeatures.score(s)] / sources.length;
            }
            f[RankingFeatures.COLD_COLLABORATIVE] = cold * collaborativeMean;
        }
        return new Candidates(positions, modelItems, features.toArray(double[][]::new), matched, history, m);
    }

    /**
     * The ids of the n best candidates by the given ranking weights, without diversity: what {@link #recommend} with
     * MMR trade-off 1 lists, from candidates gathered once (training ranks the same candidates under many weights).
     */
    static List<String> topIds(Candidates candidates, double[] weights, ItemCatalogue catalogue, int n) {
        TopK top = new TopK(Math.min(Math.max(1, candidates.size), n));
        for (int c = 0; c < candidates.size; c++) {
            top.offer(c, (float) TopNModel.rank(weights, candidates.features[c]));
        }
        List<String> ids = new ArrayList<>(n);
        for (int c : top.drain().items()) {
            ids.add(catalogue.id(candidates.catalogueItems[c]));
        }
        return ids;
    }

    /**
     * Top-N recommendations for one user.
     *
     * @param user        the user's state (history, exclusions, profile, interest points)
     * @param catalogue   the catalogue snapshot
     * @param model       the trained top-N model
     * @param ratingModel rating model for the "we expect you to rate it" fact, or {@code null}
     * @param count       number of items wanted
     * @param extra       extra filter over catalogue positions, or {@code null}
     * @param mmrLambda   MMR trade-off, 1 = no diversification
     */
    public List<Recommendation> recommend(UserState user, ItemCatalogue catalogue, TopNModel model,
                                          RatingModel ratingModel, int count, ItemFilter extra, double mmrLambda) {
        return recommend(user, catalogue, model, ratingModel, count, mmrLambda,
                candidates(user, catalogue, model, user.allowedIn(catalogue, extra)));
    }

    /** Ranks, diversifies and explains candidates already gathered for this user under this model's sources. */
    List<Recommendation> recommend(UserState user, ItemCatalogue catalogue, TopNModel model, RatingModel ratingModel,
                                   int count, double mmrLambda, Candidates candidates) {
        int m = candidates.size;
        if (m == 0) {
            return List.of();
        }
        double[] w = model.rankerWeights(candidates.history.length, user.statedPreference());
        double[] scores = new double[m];
        for (int c = 0; c < m; c++) {
            scores[c] = TopNModel.rank(w, candidates.features[c]);
        }
        int pool = Math.min(m, mmrLambda >= 1 ? count : Math.max(count * 3, count + 10));
        TopK top = new TopK(pool);
        for (int c = 0; c < m; c++) {
            top.offer(c, (float) scores[c]);
        }
        int[] byScore = top.drain().items();
        int[] picked;
        if (mmrLambda >= 1) {
            picked = new int[byScore.length];
            for (int p = 0; p < picked.length; p++) {
                picked[p] = p;
            }
        } else {
            // Relevance on the scale of the cosine redundancy: the pool's scores mapped to 0..1.
            double high = scores[byScore[0]];
            double low = scores[byScore[byScore.length - 1]];
            double[] relevance = new double[byScore.length];
            int[] poolItems = new int[byScore.length];
            for (int p = 0; p < byScore.length; p++) {
                relevance[p] = high > low ? (scores[byScore[p]] - low) / (high - low) : 1;
                poolItems[p] = candidates.catalogueItems[byScore[p]];
            }
            picked = Mmr.select(catalogue, poolItems, relevance, count, mmrLambda);
        }
        RatingModel.ItemRater rater = ratingModel == null ? null
                : ratingModel.scorerFor(user.userId(), user.profileVector());
        List<Recommendation> out = new ArrayList<>(picked.length);
        for (int p : picked) {
            int c = byScore[p];
            double[] f = candidates.features[c];
            double collaborativePart = w[RankingFeatures.COLD_COLLABORATIVE] * f[RankingFeatures.COLD_COLLABORATIVE];
            for (int s = 0; s < RankingFeatures.SOURCES; s++) {
                collaborativePart += w[RankingFeatures.score(s)] * f[RankingFeatures.score(s)]
                        + w[RankingFeatures.rank(s)] * f[RankingFeatures.rank(s)]
                        + w[RankingFeatures.recent(s)] * f[RankingFeatures.recent(s)];
            }
            double textPart = w[RankingFeatures.TEXT_SIMILARITY] * f[RankingFeatures.TEXT_SIMILARITY]
                    + w[RankingFeatures.TEXT_RANK] * f[RankingFeatures.TEXT_RANK]
                    + w[RankingFeatures.COLD_TEXT] * f[RankingFeatures.COLD_TEXT];
            double popularityPart = w[RankingFeatures.POPULARITY] * f[RankingFeatures.POPULARITY]
                    + w[RankingFeatures.POPULARITY_RANK] * f[RankingFeatures.POPULARITY_RANK]
                    + w[RankingFeatures.TRENDING_RANK] * f[RankingFeatures.TRENDING_RANK]
                    + w[RankingFeatures.TRENDING] * f[RankingFeatures.TRENDING]
                    + w[RankingFeatures.COLD_POPULARITY] * f[RankingFeatures.COLD_POPULARITY];
            out.add(describe(user, catalogue, model, candidates, c, scores[c], collaborativePart, textPart,
                    popularityPart, rater));
        }
        return out;
    }

    private Recommendation describe(UserState user, ItemCatalogue catalogue, TopNModel model, Candidates candidates,
                                    int c, double score, double collaborativePart, double textPart,
                                    double popularityPart, RatingModel.ItemRater rater) {
        int position = candidates.catalogueItems[c];
        String itemId = catalogue.id(position);
        double predicted = rater == null ? Double.NaN : rater.rate(itemId, null);
        int modelItem = candidates.modelItems[c];
        String neighbour = null;
        if (modelItem >= 0 && candidates.history.length > 0) {
            // Name an item the user liked when one contributes, else any item of their history.
            int[] liked = model.positions().positions(user.likedItemIds());
            int contributor = -1;
            for (int[] among : new int[][] {liked, candidates.history}) {
                for (ItemItemModel source : model.sources()) {
                    if (contributor < 0 && source != null) {
                        contributor = source.strongestContributor(among, modelItem);
                    }
                }
            }
            neighbour = contributor < 0 ? null : model.positions().itemId(contributor);
        }
        int matched = candidates.matchedQuery[c];
        double similarity = candidates.features[c][RankingFeatures.TEXT_SIMILARITY];
        Explanation.Source source;
        if (neighbour != null && collaborativePart >= textPart && collaborativePart >= popularityPart) {
            source = Explanation.Source.COLLABORATIVE;
        } else if ((matched >= 0 || user.interests().isEmpty()) && similarity > 0 && textPart >= popularityPart) {
            source = user.interests().isEmpty() ? Explanation.Source.PROFILE : Explanation.Source.INTEREST;
        } else {
            source = candidates.features[c][RankingFeatures.TRENDING] >= candidates.features[c][RankingFeatures.POPULARITY]
                    ? Explanation.Source.TRENDING : Explanation.Source.POPULAR;
        }
        int interestIndex = source == Explanation.Source.INTEREST ? matched : -1;
        List<String> tags = interestIndex >= 0 ? user.interests().get(interestIndex).tags() : List.of();
        String named = source == Explanation.Source.COLLABORATIVE ? neighbour : null;
        return new Recommendation(itemId, score, textPart, 0, popularityPart, new Explanation(source, interestIndex,
                tags, similarity, named, named == null ? 0 : 1, predicted));
    }
}
