package org.recsys.ml.rank;

import org.recsys.ml.interest.InterestPoint;
import org.recsys.ml.rating.RatingModel;
import org.recsys.ml.vector.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The serving algorithm, called on every recommendation request. For one user and one catalogue snapshot it
 * <ol>
 *   <li>turns the user's exclusions (consumed, disliked, not interested, excluded by the request) and category
 *       filter into a bit set over catalogue positions;</li>
 *   <li>generates candidates per interest point from the nearest-neighbour index, sharing the candidate slots out
 *       by interest weight so that a minor interest still gets candidates (or from the profile vector when the
 *       user has no interest points yet, e.g. a new user with only a "what I like" text), plus the most popular
 *       items;</li>
 *   <li>fuses, per candidate, the best interest similarity, the rating model's prediction (normalised to 0..1)
 *       and log-scaled popularity into one weighted score;</li>
 *   <li>re-ranks by maximal marginal relevance for diversity ({@link Mmr});</li>
 *   <li>returns per item the score, each signal's contribution and the facts for an explanation (matched interest
 *       point and its tags, the most similar liked item).</li>
 * </ol>
 * A user with nothing known gets the most popular allowed items. Excluded items are never returned. Stateless
 * apart from its settings, so one instance serves all threads; the catalogue snapshot is immutable.
 */
public final class HybridRecommender {

    private final double interestWeight;
    private final double ratingWeight;
    private final double popularityWeight;
    private final double mmrLambda;
    private final int candidateFactor;

    /** Default settings: weights 0.6 / 0.25 / 0.15, MMR lambda 0.75, 5 candidates per result slot. */
    public HybridRecommender() {
        this(0.6, 0.25, 0.15, 0.75, 5);
    }

    /**
     * @param interestWeight   weight of interest (or profile) similarity
     * @param ratingWeight     weight of the normalised rating prediction
     * @param popularityWeight weight of log-scaled popularity
     * @param mmrLambda        MMR trade-off, 1 = no diversification
     * @param candidateFactor  candidates generated per requested result
     */
    public HybridRecommender(double interestWeight, double ratingWeight, double popularityWeight, double mmrLambda,
                             int candidateFactor) {
        this.interestWeight = interestWeight;
        this.ratingWeight = ratingWeight;
        this.popularityWeight = popularityWeight;
        this.mmrLambda = mmrLambda;
        this.candidateFactor = Math.max(1, candidateFactor);
    }

    /**
     * Top-N recommendations for one user.
     *
     * @param user        the user's state
     * @param catalogue   the catalogue snapshot (take it once per request from {@link CatalogueStore#current()})
     * @param ratingModel rating model, or {@code null} to rank without it
     * @param count       number of items wanted
     */
    public List<Recommendation> recommend(UserState user, ItemCatalogue catalogue, RatingModel ratingModel,
                                          int count) {
        return recommend(user, catalogue, ratingModel, count, null);
    }

    /**
     * Top-N recommendations for one user, among the items an extra filter accepts (for example items that carry a
     * category among several; {@link UserState#categories()} knows one category per item).
     *
     * @param extra filter over catalogue positions, or {@code null}
     */
    public List<Recommendation> recommend(UserState user, ItemCatalogue catalogue, RatingModel ratingModel,
                                          int count, ItemFilter extra) {
        int n = catalogue.size();
        ItemFilter filter = user.allowedIn(catalogue, extra);

        // Queries: interest points, else the profile vector.
        List<InterestPoint> interests = user.interests();
        float[][] queries;
        double[] queryWeights;
        Explanation.Source source;
        if (!interests.isEmpty()) {
            queries = new float[interests.size()][];
            queryWeights = new double[interests.size()];
            for (int q = 0; q < queries.length; q++) {
                queries[q] = interests.get(q).centroid();
                queryWeights[q] = Math.max(0, interests.get(q).weight());
            }
            source = Explanation.Source.INTEREST;
        } else if (!user.isEmpty()) {
            queries = new float[][] {Vectors.normalized(user.profileVector())};
            queryWeights = new double[] {1};
            source = Explanation.Source.PROFILE;
        } else {
            return popular(catalogue, filter, count);
        }

        // Candidate generation, slots shared out by interest weight (largest remainder, at least one each).
        int budget = count * candidateFactor;
        int[] slots = shareSlots(queryWeights, budget);
        IntList candidates = new IntList(budget + count);
        long[] seen = new long[(n + 63) >>> 6];
        for (int q = 0; q < queries.length; q++) {
            ScoredItems found = catalogue.nearest(queries[q], slots[q], filter);
            for (int r = 0; r < found.size(); r++) {
                candidates.addIfNew(found.items()[r], seen);
            }
        }
        int popularAdded = 0;
        for (var popular = catalogue.byPopularity(); popular.hasNext() && popularAdded < count; ) {
            int item = popular.nextInt();
            if (filter.accept(item)) {
                candidates.addIfNew(item, seen);
                popularAdded++;
            }
        }
        int m = candidates.size();
        if (m == 0) {
            return List.of();
        }

        // Signals and fusion.
        RatingModel.ItemRater rater = ratingModel == null ? null
                : ratingModel.scorerFor(user.userId(), user.profileVector());
        double ratingMin = ratingModel == null ? 0 : ratingModel.scale().min();
        double ratingRange = ratingModel == null ? 1 : ratingModel.scale().max() - ratingModel.scale().min();
        double totalWeight = interestWeight + popularityWeight + (rater == null ? 0 : ratingWeight);
        double wInterest = interestWeight / totalWeight;
        double wRating = rater == null ? 0 : ratingWeight / totalWeight;
        double wPopularity = popularityWeight / totalWeight;
        int[] items = candidates.toArray();
        double[] fused = new double[m];
        double[] interestPart = new double[m];
        double[] ratingPart = new double[m];
        double[] popularityPart = new double[m];
        double[] predicted = new double[m];
        int[] matched = new int[m];
        double[] matchedSimilarity = new double[m];
        for (int c = 0; c < m; c++) {
            int item = items[c];
            int best = 0;
            float bestSimilarity = -Float.MAX_VALUE;
            for (int q = 0; q < queries.length; q++) {
                float similarity = catalogue.similarity(queries[q], item);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = q;
                }
            }
            matched[c] = best;
            matchedSimilarity[c] = bestSimilarity;
            interestPart[c] = wInterest * Math.max(0, bestSimilarity);
            predicted[c] = Double.NaN;
            if (rater != null) {
                predicted[c] = rater.rate(catalogue.ids[item], null);
                ratingPart[c] = wRating * (predicted[c] - ratingMin) / ratingRange;
            }
            popularityPart[c] = wPopularity * catalogue.popularityScore(item);
            fused[c] = interestPart[c] + ratingPart[c] + popularityPart[c];
        }

        // Diversity over the best-scoring share of the candidates only: MMR is quadratic in its input.
        int pool = Math.min(m, Math.max(count * 3, count + 10));
        int[] byScore = topIndices(fused, pool);
        int[] poolItems = new int[pool];
        double[] poolScores = new double[pool];
        for (int p = 0; p < pool; p++) {
            poolItems[p] = items[byScore[p]];
            poolScores[p] = fused[byScore[p]];
        }
        int[] picked = Mmr.select(catalogue, poolItems, poolScores, count, mmrLambda);

        int[] liked = likedPositions(user, catalogue);
        List<Recommendation> out = new ArrayList<>(picked.length);
        for (int p : picked) {
            int c = byScore[p];
            int item = items[c];
            String nearestLiked = null;
            double nearestSimilarity = 0;
            for (int like : liked) {
                double similarity = catalogue.similarity(item, like);
                if (similarity > nearestSimilarity) {
                    nearestSimilarity = similarity;
                    nearestLiked = catalogue.ids[like];
                }
            }
            boolean fromInterest = matchedSimilarity[c] > 0 && interestPart[c] >= popularityPart[c] * 0.5;
            Explanation.Source itemSource = fromInterest ? source : Explanation.Source.POPULAR;
            int interestIndex = itemSource == Explanation.Source.INTEREST ? matched[c] : -1;
            List<String> tags = interestIndex >= 0 ? interests.get(interestIndex).tags() : List.of();
            out.add(new Recommendation(catalogue.ids[item], fused[c], interestPart[c], ratingPart[c],
                    popularityPart[c], new Explanation(itemSource, interestIndex, tags, matchedSimilarity[c],
                    nearestLiked, nearestSimilarity, predicted[c])));
        }
        return out;
    }

    /**
     * Items similar to one item, diversified by MMR; the item itself and excluded ids are left out.
     *
     * @param itemId    the item
     * @param catalogue the catalogue snapshot
     * @param count     number wanted
     * @param filter    extra filter over positions, or {@code null}
     */
    public List<Recommendation> similarItems(String itemId, ItemCatalogue catalogue, int count, ItemFilter filter) {
        int position = catalogue.position(itemId);
        if (position < 0) {
            return List.of();
        }
        ItemFilter accept = item -> item != position && (filter == null || filter.accept(item));
        ScoredItems found = catalogue.nearest(catalogue.vector(position), count * 3, accept);
        double[] relevance = new double[found.size()];
        for (int r = 0; r < relevance.length; r++) {
            relevance[r] = found.scores()[r];
        }
        int[] picked = Mmr.select(catalogue, found.items(), relevance, count, mmrLambda);
        List<Recommendation> out = new ArrayList<>(picked.length);
        for (int p : picked) {
            int item = found.items()[p];
            out.add(new Recommendation(catalogue.ids[item], relevance[p], relevance[p], 0, 0,
                    new Explanation(Explanation.Source.PROFILE, -1, List.of(), relevance[p], itemId, relevance[p],
                            Double.NaN)));
        }
        return out;
    }

    private List<Recommendation> popular(ItemCatalogue catalogue, ItemFilter filter, int count) {
        List<Recommendation> out = new ArrayList<>(count);
        for (var popular = catalogue.byPopularity(); popular.hasNext() && out.size() < count; ) {
            int item = popular.nextInt();
            if (filter.accept(item)) {
                double score = catalogue.popularityScore(item);
                out.add(new Recommendation(catalogue.ids[item], score, 0, 0, score,
                        new Explanation(Explanation.Source.POPULAR, -1, List.of(), 0, null, 0, Double.NaN)));
            }
        }
        return out;
    }

    private static int[] likedPositions(UserState user, ItemCatalogue catalogue) {
        int limit = Math.min(user.likedItemIds().size(), 50); // the 50 most recent likes are enough to explain
        IntList positions = new IntList(limit);
        for (int l = 0; l < limit; l++) {
            int position = catalogue.position(user.likedItemIds().get(l));
            if (position >= 0) {
                positions.add(position);
            }
        }
        return positions.toArray();
    }

    /**
     * Shares {@code budget} slots by weight: one slot each first (a minor interest still gets candidates), the
     * rest by largest-remainder apportionment (Hamilton's method).
     */
    public static int[] shareSlots(double[] weights, int budget) {
        int q = weights.length;
        int[] slots = new int[q];
        java.util.Arrays.fill(slots, 1);
        int rest = budget - q;
        if (rest <= 0) {
            return slots;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] remainder = new double[q];
        int given = 0;
        for (int i = 0; i < q; i++) {
            double exact = total > 0 ? rest * weights[i] / total : (double) rest / q;
            int whole = (int) Math.floor(exact);
            slots[i] += whole;
            remainder[i] = exact - whole;
            given += whole;
        }
        for (; given < rest; given++) {
            int best = 0;
            for (int i = 1; i < q; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            slots[best]++;
            remainder[best] = -1;
        }
        return slots;
    }

    private static int[] topIndices(double[] values, int k) {
        TopK top = new TopK(k);
        for (int i = 0; i < values.length; i++) {
            top.offer(i, (float) values[i]);
        }
        return top.drain().items();
    }

    /** Growable int list with a seen-bitset helper. */
    private static final class IntList {
        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(4, capacity)];
        }

        void add(int value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addIfNew(int value, long[] seen) {
            long bit = 1L << value;
            if ((seen[value >>> 6] & bit) == 0) {
                seen[value >>> 6] |= bit;
                add(value);
            }
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
