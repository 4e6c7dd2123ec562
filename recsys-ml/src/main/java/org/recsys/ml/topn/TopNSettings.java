package org.recsys.ml.topn;

/**
 * Every setting of the two-stage recommender and its training, in one place: the server and the evaluation harness
 * both use {@link #DEFAULTS}, so the harness measures what is served. Grids are searched on a validation split cut
 * from the training data by time (never on the test part).
 *
 * @param validationShare     newest share of each user's training interactions used for validation and ranker labels
 * @param neighbours          weights kept per item row of every item-item model
 * @param easeLambdas         EASE^R L2 penalties tried
 * @param easeTextWeights     weights of the items' text similarities in EASE^R's Gram matrix tried at the chosen
 *                            penalty (0 = plain EASE^R, always tried)
 * @param rp3Alphas           RP3beta exponents tried
 * @param rp3Betas            RP3beta popularity penalties tried
 * @param knnShrinks          ItemKNN shrink terms tried
 * @param collaborativeCandidates candidates taken from each collaborative source
 * @param textCandidates      candidates taken from the text profile and interest points
 * @param popularCandidates   candidates taken from trending and from all-time popularity, each
 * @param rankerUsers         most users whose candidates train the ranker (a random sample above that)
 * @param rankerEpochs        SGD epochs of the ranker
 * @param trendingHalfLifeDays half-life of an interaction's weight in the trending score
 * @param mmrLambdas          MMR trade-offs tried, 1 = no diversification
 * @param maxDiversityCost    largest relative NDCG loss accepted for diversity
 * @param historyLimit        most recent history items that score collaborative candidates
 */
public record TopNSettings(double validationShare, int neighbours, double[] easeLambdas, double[] easeTextWeights,
                           double[] rp3Alphas,
                           double[] rp3Betas, double[] knnShrinks, int collaborativeCandidates, int textCandidates,
                           int popularCandidates, int rankerUsers, int rankerEpochs, double trendingHalfLifeDays,
                           double[] mmrLambdas, double maxDiversityCost, int historyLimit) {

    /** The served configuration. */
    public static final TopNSettings DEFAULTS = new TopNSettings(0.2, 200,
            new double[] {200, 500, 1000, 2500, 5000, 10000}, new double[] {0.5, 1, 2, 3},
            new double[] {0.3, 0.5, 0.8}, new double[] {0.0, 0.1, 0.2, 0.4, 0.6}, new double[] {0, 10, 50}, 100, 40, 20, 3000, 15, 14, new double[] {1.0, 0.95, 0.9, 0.85, 0.8, 0.7},
            0.03, 500);

    /** The list length the models are tuned and measured for. */
    public static final int N = 10;
}
