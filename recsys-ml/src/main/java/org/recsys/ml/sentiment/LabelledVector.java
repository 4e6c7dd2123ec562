package org.recsys.ml.sentiment;

/**
 * A training example for the review models: a text vector with its class label (or target value).
 *
 * @param label  class label, e.g. {@code POSITIVE} or {@code 1}
 * @param vector encoder output for the text
 */
public record LabelledVector(String label, float[] vector) { }
