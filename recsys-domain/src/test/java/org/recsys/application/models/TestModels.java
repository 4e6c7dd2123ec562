package org.recsys.application.models;

import org.recsys.infrastructure.ml.TextEncoding;

/** Model services outside the container. */
public final class TestModels {

    private TestModels() {
    }

    /** A sentiment service with no model trained yet. */
    public static SentimentService sentimentWithoutModel(TextEncoding encoding) {
        SentimentService sentiment = new SentimentService();
        sentiment.models = new ServingModels();
        sentiment.encoding = encoding;
        return sentiment;
    }
}
