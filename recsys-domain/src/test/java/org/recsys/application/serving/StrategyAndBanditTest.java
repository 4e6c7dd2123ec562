package org.recsys.application.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StrategyAndBanditTest {

    @Test
    void aRecommendationIdNamesItsStrategy() {
        for (Strategy strategy : Strategy.values()) {
            assertThat(Strategy.ofRecommendation(strategy.code() + "-0b0e")).contains(strategy);
        }
        assertThat(Strategy.ofRecommendation("partner-made-up")).isEmpty();
        assertThat(Strategy.ofRecommendation(null)).isEmpty();
    }

    @Test
    void betaSamplesHaveTheRightMean() {
        SplittableRandom seeds = new SplittableRandom(7);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double sample = Experiments.sampleBeta(3, 7, seeds.nextLong());
            assertThat(sample).isBetween(0.0, 1.0);
            sum += sample;
        }
        assertThat(sum / n).isCloseTo(0.3, within(0.01));
    }

    @Test
    void newUsersGetTheTextLedVariant() {
        assertThat(Strategy.RELEVANCE.recommender(0)).isNotSameAs(Strategy.RELEVANCE.recommender(10));
        assertThat(Strategy.RELEVANCE.recommender(Strategy.NEW_USER_POSITIVES))
                .isSameAs(Strategy.RELEVANCE.recommender());
    }
}
