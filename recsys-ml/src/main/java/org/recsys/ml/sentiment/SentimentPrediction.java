package org.recsys.ml.sentiment;

import java.util.Map;

/**
 * Predicted class with the probability of every class.
 *
 * @param label         most probable label
 * @param probabilities label to probability, summing to 1
 */
public record SentimentPrediction(String label, Map<String, Double> probabilities) {

    /** Probability of a label, 0 if unknown. */
    public double probability(String label) {
        return probabilities.getOrDefault(label, 0.0);
    }

    /** Probability of a sentiment class. */
    public double probability(Sentiment sentiment) {
        return probability(sentiment.label());
    }
}
