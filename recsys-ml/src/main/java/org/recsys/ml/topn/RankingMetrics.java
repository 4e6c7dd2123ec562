package org.recsys.ml.topn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top-N list quality averaged over users: NDCG@N (binary relevance, log2 discount, ideal from the number of relevant
 * items), Recall@N (hits over relevant items, the denominator capped at N as in Steck 2019), HR@N (share of users
 * with at least one hit), catalogue coverage (distinct items shown over catalogue size) and novelty as the mean
 * popularity rank of the items shown (1 = the bestseller; larger means less obvious). Every list is kept per user so
 * that two recommenders can be compared by a paired bootstrap. The same code scores the harness, the model
 * registry's hold-out and the black-box check through the API.
 */
public final class RankingMetrics {

    private final int n;
    private final List<Double> ndcg = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private double recall;
    private int hitUsers;
    private final Set<String> shown = new HashSet<>();
    private double popularityRankSum;
    private long shownCount;

    /** @param n the list length scored (10 for @10) */
    public RankingMetrics(int n) {
        this.n = n;
    }

    /** Scores one user's list against their relevant items; a user with no relevant item is not counted. */
    public void add(String user, List<String> ranked, Set<String> relevant, Map<String, Integer> popularityRanks) {
        if (relevant.isEmpty()) {
            return;
        }
        int hits = 0;
        double dcg = 0;
        for (int r = 0; r < ranked.size() && r < n; r++) {
            String item = ranked.get(r);
            if (relevant.contains(item)) {
                hits++;
                dcg += 1 / log2(r + 2);
            }
            shown.add(item);
            if (popularityRanks != null) {
                popularityRankSum += popularityRanks.getOrDefault(item, popularityRanks.size()) + 1;
                shownCount++;
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(n, relevant.size()); r++) {
            ideal += 1 / log2(r + 2);
        }
        ndcg.add(dcg / ideal);
        users.add(user);
        recall += (double) hits / Math.min(n, relevant.size());
        hitUsers += hits > 0 ? 1 : 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public int users() {
        return ndcg.size();
    }

    public double ndcg() {
        return ndcg.isEmpty() ? 0 : ndcg.stream().mapToDouble(Double::doubleValue).sum() / ndcg.size();
    }

    public double recall() {
        return ndcg.isEmpty() ? 0 : recall / ndcg.size();
    }

    public double hitRate() {
        return ndcg.isEmpty() ? 0 : (double) hitUsers / ndcg.size();
    }

    /** Distinct items shown over the catalogue size. */
    public double coverage(int catalogueSize) {
        return catalogueSize == 0 ? 0 : (double) shown.size() / catalogueSize;
    }

    /** Mean popularity rank (1-based) of the items shown, or NaN without popularity ranks. */
    public double meanPopularityRank() {
        return shownCount == 0 ? Double.NaN : popularityRankSum / shownCount;
    }

    /** NDCG of each scored user. */
    public Map<String, Double> ndcgByUser() {
        Map<String, Double> byUser = new LinkedHashMap<>();
        for (int u = 0; u < users.size(); u++) {
            byUser.put(users.get(u), ndcg.get(u));
        }
        return byUser;
    }

    /**
     * A paired bootstrap (Efron and Tibshirani 1993) of mean NDCG of {@code a} minus that of {@code b} over the users
     * both scored: the mean difference and its 2.5% and 97.5% percentiles.
     */
    public static double[] bootstrapDifference(RankingMetrics a, RankingMetrics b, int resamples, long seed) {
        return bootstrapDifference(a.ndcgByUser(), b.ndcgByUser(), resamples, seed);
    }

    /** The same paired bootstrap over per-user NDCGs given as maps (in {@code a}'s order, for the seed to repeat). */
    public static double[] bootstrapDifference(Map<String, Double> a, Map<String, Double> b, int resamples,
                                               long seed) {
        List<double[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Double> user : a.entrySet()) {
            Double theirs = b.get(user.getKey());
            if (theirs != null) {
                pairs.add(new double[] {user.getValue(), theirs});
            }
        }
        if (pairs.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        int m = pairs.size();
        double mean = pairs.stream().mapToDouble(p -> p[0] - p[1]).sum() / m;
        double[] means = new double[resamples];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int s = 0; s < resamples; s++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double[] p = pairs.get(random.nextInt(m));
                sum += p[0] - p[1];
            }
            means[s] = sum / m;
        }
        java.util.Arrays.sort(means);
        return new double[] {mean, means[(int) Math.floor(0.025 * (resamples - 1))],
            means[(int) Math.ceil(0.975 * (resamples - 1))]};
    }
}
