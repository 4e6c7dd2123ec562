package org.recsys.ml.topn;

import java.util.List;

/**
 * The features the ranker sees for one candidate of one user, all in 0..1. Collaborative scores are divided by the
 * user's best score of that source, so that they compare across users with short and long histories; ranks enter
 * as reciprocal ranks. "Cold" features are the text and popularity signals scaled by how little history the user
 * has, so that one linear ranker can lean on text for new users and on collaborative filtering for known ones.
 */
final class RankingFeatures {

    /** Collaborative sources, in {@link TopNModel#sources()} order: EASE^R, RP3beta, ItemKNN. */
    static final int SOURCES = 3;
    static final int TEXT_SIMILARITY = 3 * SOURCES;
    static final int TEXT_RANK = TEXT_SIMILARITY + 1;
    static final int POPULARITY = TEXT_SIMILARITY + 2;
    static final int TRENDING = TEXT_SIMILARITY + 3;
    static final int FRESHNESS = TEXT_SIMILARITY + 4;
    static final int COLD_TEXT = TEXT_SIMILARITY + 5;
    static final int COLD_POPULARITY = TEXT_SIMILARITY + 6;
    static final int UNKNOWN_ITEM = TEXT_SIMILARITY + 7;
    static final int COLD_COLLABORATIVE = TEXT_SIMILARITY + 8;
    static final int POPULARITY_RANK = TEXT_SIMILARITY + 9;
    static final int TRENDING_RANK = TEXT_SIMILARITY + 10;
    static final int COUNT = TEXT_SIMILARITY + 11;

    static final List<String> NAMES = List.of("ease_score", "ease_rank", "rp3_score", "rp3_rank", "knn_score",
            "knn_rank", "ease_recent", "rp3_recent", "knn_recent", "text_similarity", "text_rank", "popularity", "trending", "freshness", "cold_text",
            "cold_popularity", "unknown_item", "cold_collaborative", "popularity_rank",
            "trending_rank");

    /** Feature index of source s's normalised score. */
    static int score(int source) {
        return 2 * source;
    }

    /**
     * Feature index of source s's score from the recent history: each history item weighted by
     * {@code 2^(-age / RECENT_HALF_LIFE)} with age its place in the history, newest 0, so that what the user chose
     * lately counts more than what they chose long ago.
     */
    static int recent(int source) {
        return 2 * SOURCES + source;
    }

    /** Half-life, in history items, of the recent-history scores. */
    static final double RECENT_HALF_LIFE = 10;

    /** Feature index of source s's reciprocal rank. */
    static int rank(int source) {
        return 2 * source + 1;
    }

    /** 1 for a user with no history, falling to 0.5 at five items and towards 0 beyond. */
    static double coldness(int historyLength) {
        return 1.0 / (1.0 + historyLength / 5.0);
    }

    /** A rank among the most popular on a gentler slope than the reciprocal rank: 1, 0.91, 0.83, ... 0.5 at 10. */
    static double listRank(int rank) {
        return 1.0 / (1 + rank / 10.0);
    }

    static double reciprocalRank(int rank) {
        return rank < 0 ? 0 : 1.0 / (1 + rank);
    }

    private RankingFeatures() {
    }
}
