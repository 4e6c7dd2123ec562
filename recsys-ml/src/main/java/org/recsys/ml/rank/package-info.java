/**
 * Ranking and serving: the item catalogue snapshot, nearest-neighbour indices (exact cosine, an inverted-file
 * index over k-means partitions for fast serving, and Lucene's HNSW for very large catalogues), maximal marginal
 * relevance re-ranking, score fusion, and {@link org.recsys.ml.rank.HybridRecommender}, the per-request serving
 * algorithm with explanations.
 * <p>
 * References: inverted-file search over k-means cells (Sivic and Zisserman, "Video Google", ICCV 2003; Jégou,
 * Douze and Schmid, IEEE TPAMI 2011); HNSW (Malkov and Yashunin, IEEE TPAMI 2020); MMR (Carbonell and Goldstein,
 * SIGIR 1998); reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009).
 */
package org.recsys.ml.rank;
