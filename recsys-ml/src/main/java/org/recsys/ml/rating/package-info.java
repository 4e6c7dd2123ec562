/**
 * Rating prediction: Tribuo trainers and models that predict the stars a user would give an item from ids,
 * implicit feedback and LLM-derived text features.
 * <p>
 * Every model reads the same Tribuo examples ({@link org.recsys.ml.rating.RatingFeatures}, the
 * factorization-machine encoding). Besides Tribuo's own {@code FMRegressionTrainer} (which in 4.3 has no L2
 * penalty and overfits), the package has its own Tribuo trainers: {@link org.recsys.ml.rating.FactorizationTrainer}
 * (bias baseline, biased MF, SVD++ and SVD++ with text side features, with early stopping),
 * {@link org.recsys.ml.rating.NeighbourhoodTrainer} (item kNN with baselines),
 * {@link org.recsys.ml.rating.SelectingTrainer} (validation-based tuning) and
 * {@link org.recsys.ml.rating.BlendTrainer} (ridge blend). Their models serialise through Tribuo's protobuf
 * format and carry Tribuo provenance.
 * <p>
 * Servers use {@link org.recsys.ml.rating.RatingModelTrainer} to train and
 * {@link org.recsys.ml.rating.RatingModel} to predict (clamped, cold start from text, bytes/file round trip).
 */
package org.recsys.ml.rating;
