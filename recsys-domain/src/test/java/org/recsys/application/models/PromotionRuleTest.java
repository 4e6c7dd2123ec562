package org.recsys.application.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.recsys.domain.model.registry.ModelKind;

class PromotionRuleTest {

    private static ModelRegistry.Decision rating(double candidate, Double serving, double margin) {
        return ModelRegistry.decide(ModelKind.RATING, Map.of("rmse", candidate), Optional.of("rating-old"),
                serving == null ? Optional.empty() : Optional.of(Map.of("rmse", serving)), 500, margin);
    }

    @Test
    void theFirstModelOfAKindGoesLive() {
        ModelRegistry.Decision decision = ModelRegistry.decide(ModelKind.SENTIMENT, Map.of("macroF1", 0.4),
                Optional.empty(), Optional.empty(), 10, 0.01);

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).isEqualTo("first sentiment model");
    }

    @Test
    void aCandidateGoesLiveOnlyWhenBetterByTheMargin() {
        assertThat(rating(0.90, 0.95, 0.01).promote()).isTrue();
        assertThat(rating(0.945, 0.95, 0.01).promote()).isFalse();
        assertThat(rating(0.99, 0.95, 0.01).promote()).isFalse();
        assertThat(rating(0.945, 0.95, 0.01).reason()).contains("better only by 0.0050", "margin 0.0100",
                "same 500-example hold-out", "rating-old");
        assertThat(rating(0.99, 0.95, 0.01).reason()).contains("worse by 0.0400");
    }

    @Test
    void forSentimentHigherMacroF1IsBetter() {
        ModelRegistry.Decision better = ModelRegistry.decide(ModelKind.SENTIMENT, Map.of("macroF1", 0.60),
                Optional.of("sentiment-old"), Optional.of(Map.of("macroF1", 0.50)), 100, 0.02);
        ModelRegistry.Decision worse = ModelRegistry.decide(ModelKind.SENTIMENT, Map.of("macroF1", 0.50),
                Optional.of("sentiment-old"), Optional.of(Map.of("macroF1", 0.60)), 100, 0.02);

        assertThat(better.promote()).isTrue();
        assertThat(worse.promote()).isFalse();
    }

    @Test
    void aServingModelThatCannotBeMeasuredIsReplaced() {
        ModelRegistry.Decision decision = rating(1.2, null, 0.01);

        assertThat(decision.promote()).isTrue();
        assertThat(decision.reason()).contains("cannot be measured");
    }

    @Test
    void aCandidateWithoutItsMetricStaysCandidate() {
        ModelRegistry.Decision decision = ModelRegistry.decide(ModelKind.RATING, Map.of(), Optional.of("rating-old"),
                Optional.of(Map.of("rmse", 0.9)), 10, 0.01);

        assertThat(decision.promote()).isFalse();
    }
}
