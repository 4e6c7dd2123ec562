/**
 * Top-N recommendation as a two-stage recommender: item-item collaborative filtering models learnt from who
 * consumed what ({@link org.recsys.ml.topn.EaseTrainer EASE^R}, {@link org.recsys.ml.topn.Rp3BetaTrainer RP3beta},
 * {@link org.recsys.ml.topn.ItemKnnTrainer ItemKNN}) and the text, trending and popularity sources generate
 * candidates; a ranker learnt with Tribuo on a time-ordered slice of the training data orders their union; MMR
 * spreads the final list ({@link org.recsys.ml.topn.TwoStageRecommender}). {@link org.recsys.ml.topn.TopNTrainer}
 * fits all of it and chooses every setting on a validation split; {@link org.recsys.ml.topn.RankingMetrics} scores
 * lists the same way in the harness, the server's model registry and the black-box check.
 */
package org.recsys.ml.topn;
