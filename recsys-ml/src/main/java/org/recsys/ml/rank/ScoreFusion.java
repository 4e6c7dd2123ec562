package org.recsys.ml.rank;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combining scores from several signals or strategies.
 */
public final class ScoreFusion {

    private ScoreFusion() {
    }

    /** Rescales to [0, 1]; when all values are equal they all map to 1. */
    public static double[] minMax(double[] scores) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = max > min ? (scores[i] - min) / (max - min) : 1;
        }
        return out;
    }

    /** {@code sum_s weights[s] * signals[s][i]} for every item i. */
    public static double[] weightedSum(double[][] signals, double[] weights) {
        int n = signals.length == 0 ? 0 : signals[0].length;
        double[] out = new double[n];
        for (int s = 0; s < signals.length; s++) {
            for (int i = 0; i < n; i++) {
                out[i] += weights[s] * signals[s][i];
            }
        }
        return out;
    }

    /**
     * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each ranked list adds
     * {@code 1 / (k + rank)} to the items it contains; use it to merge lists from different strategies whose
     * scores are not comparable.
     *
     * @param rankings ranked item ids, best first
     * @param k        damping constant (60 in the paper)
     * @return item id to fused score, best first
     */
    public static Map<String, Double> reciprocalRank(List<List<String>> rankings, int k) {
        Map<String, Double> scores = new HashMap<>();
        for (List<String> ranking : rankings) {
            for (int r = 0; r < ranking.size(); r++) {
                scores.merge(ranking.get(r), 1.0 / (k + r + 1), Double::sum);
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        scores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
