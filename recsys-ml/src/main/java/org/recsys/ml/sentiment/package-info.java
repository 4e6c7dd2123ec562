/**
 * Review models over text embeddings, trained with Tribuo: a sentiment classifier (negative = 1-2 stars,
 * neutral = 3, positive = 4-5, or any binary labelling such as ChnSentiCorp's) by multinomial logistic
 * regression with inverse-frequency class weights (King and Zeng, "Logistic Regression in Rare Events Data",
 * Political Analysis 2001, on why weighting matters for imbalanced classes), and a review-text to star-rating
 * linear regressor. Both read sentence-encoder vectors (Reimers and Gurevych, EMNLP 2019), so the same
 * classifier code serves English and Chinese text with the matching encoder.
 */
package org.recsys.ml.sentiment;
