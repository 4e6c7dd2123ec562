package org.recsys.application.models;

import java.time.Instant;
import java.util.Map;

/**
 * A model in service, with where it came from.
 *
 * @param model     the model
 * @param version   its version label
 * @param trainedAt when it was trained
 * @param metrics   hold-out metrics (e.g. rmse, macroF1)
 * @param examples  how many examples it was trained on
 */
public record ActiveModel<T>(T model, String version, Instant trainedAt, Map<String, Double> metrics,
                             long examples) {

    public ActiveModel {
        metrics = Map.copyOf(metrics);
    }
}
