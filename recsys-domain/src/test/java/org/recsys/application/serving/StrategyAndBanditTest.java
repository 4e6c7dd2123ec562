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
    void trafficMovesToTheStrategyThatEarnsMorePositiveFeedback() {
        for (Strategy better : Strategy.values()) {
            java.util.Map<Strategy, long[]> counts = new java.util.EnumMap<>(Strategy.class);
            SplittableRandom world = new SplittableRandom(11);
            int lateToBetter = 0;
            int rounds = 3000;
            for (int round = 0; round < rounds; round++) {
                Strategy chosen = Experiments.choose(counts, world.nextLong());
                long[] c = counts.computeIfAbsent(chosen, s -> new long[2]);
                c[0]++;
                // The better strategy's lists earn positive feedback 30% of the time, the other's 10%.
                if (world.nextDouble() < (chosen == better ? 0.3 : 0.1)) {
                    c[1]++;
                }
                if (round >= rounds - 1000 && chosen == better) {
                    lateToBetter++;
                }
            }
            assertThat(lateToBetter).as("share of the last 1,000 requests going to " + better)
                    .isGreaterThan(900);
        }
    }

    @Test
    void equalEvidenceSharesTrafficEvenly() {
        java.util.Map<Strategy, long[]> counts = new java.util.EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            counts.put(s, new long[] {500, 100});
        }
        SplittableRandom seeds = new SplittableRandom(5);
        int first = 0;
        for (int i = 0; i < 4000; i++) {
            first += Experiments.choose(counts, seeds.nextLong()) == Strategy.values()[0] ? 1 : 0;
        }
        assertThat(first / 4000.0).isBetween(0.45, 0.55);
    }

    @Test
    void newUsersGetTheTextLedVariant() {
        assertThat(Strategy.RELEVANCE.recommender(0)).isNotSameAs(Strategy.RELEVANCE.recommender(10));
        assertThat(Strategy.RELEVANCE.recommender(Strategy.NEW_USER_POSITIVES))
                .isSameAs(Strategy.RELEVANCE.recommender());
    }
}
