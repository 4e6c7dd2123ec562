/**
 * Dense {@code float[]} vector arithmetic shared by the encoders, models and ranking code: dot products,
 * normalisation, cosine, weighted means.
 */
package org.recsys.ml.vector;
