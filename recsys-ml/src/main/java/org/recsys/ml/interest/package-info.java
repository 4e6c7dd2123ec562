/**
 * Interest points: a user's tastes as a few weighted clusters of the embeddings of their own texts and the items
 * they liked, found with Tribuo's K-Means (Lloyd 1982; k-means++ seeding, Arthur and Vassilvitskii, SODA 2007)
 * and with k chosen per user by the silhouette (Rousseeuw, J. Comput. Appl. Math. 1987). Each point is named by
 * a few tags: words or short phrases from its members' texts whose embeddings lie closest to its centroid (the
 * idea of KeyBERT, Grootendorst 2020). English candidates are words and word pairs without stop words; Chinese
 * candidates are character bigrams and trigrams (no segmenter dictionary needed).
 */
package org.recsys.ml.interest;
