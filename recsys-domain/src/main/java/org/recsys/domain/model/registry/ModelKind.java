package org.recsys.domain.model.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a model predicts, and the hold-out metric that decides between two of its versions. */
public enum ModelKind {
    /** Stars a user would give an item; lower hold-out RMSE is better. */
    RATING("rmse", false),
    /** Sentiment of a review text; higher hold-out macro-F1 is better. */
    SENTIMENT("macroF1", true),
    /** Top-N lists (the two-stage recommender); higher hold-out NDCG@10 is better. */
    TOPN("ndcg10", true);

    private final String decidingMetric;
    private final boolean higherIsBetter;

    ModelKind(String decidingMetric, boolean higherIsBetter) {
        this.decidingMetric = decidingMetric;
        this.higherIsBetter = higherIsBetter;
    }

    public String decidingMetric() {
        return decidingMetric;
    }

    /** How much better {@code candidate} is than {@code active}: positive when better, in the metric's units. */
    public double improvement(double candidate, double active) {
        return higherIsBetter ? candidate - active : active - candidate;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ModelKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equalsIgnoreCase(id)).findFirst();
    }
}
