/**
 * The item catalogue snapshot, nearest-neighbour indices (exact cosine, an inverted-file index over k-means
 * partitions for catalogues over 3,000 items, and Lucene's HNSW for library callers who ask for it), maximal marginal
 * relevance re-ranking, and {@link org.recsys.ml.rank.HybridRecommender}, the fixed-weight hybrid served until the
 * first top-N model of {@link org.recsys.ml.topn} exists.
 * <p>
 * References: inverted-file search over k-means cells (Sivic and Zisserman, "Video Google", ICCV 2003; Jégou,
 * Douze and Schmid, IEEE TPAMI 2011); HNSW (Malkov and Yashunin, IEEE TPAMI 2020); MMR (Carbonell and Goldstein,
 * SIGIR 1998).
 */
package org.recsys.ml.rank;
