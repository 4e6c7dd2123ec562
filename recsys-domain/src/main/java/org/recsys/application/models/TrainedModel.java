package org.recsys.application.models;

import java.util.Map;
import java.util.Optional;
import org.recsys.domain.model.registry.ModelKind;

/**
 * A freshly trained model with its hold-out metrics and, measured on the very same hold-out, the metrics of the
 * model serving when it was trained: the evidence a promotion decision needs.
 *
 * @param kind           what it predicts
 * @param model          the model
 * @param artifact       the model serialized (Tribuo protobuf), as stored in the registry
 * @param candidate      the model as it would serve, with its version and hold-out metrics
 * @param servingMetrics the serving model's metrics on the same hold-out; empty when none serves or it cannot be
 *                       compared (another encoder)
 * @param holdoutSize    how many examples the hold-out has
 * @param provenance     how it was made: trainer, library version, encoder, data
 */
public record TrainedModel<T>(ModelKind kind, T model, byte[] artifact, ActiveModel<T> candidate,
                              Optional<Map<String, Double>> servingMetrics, int holdoutSize,
                              Map<String, String> provenance) {

    public TrainedModel {
        provenance = Map.copyOf(provenance);
    }
}
