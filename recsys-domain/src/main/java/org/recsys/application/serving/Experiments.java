package org.recsys.application.serving;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.recsys.application.Transactions;
import org.recsys.domain.model.experiment.StrategyStats;
import org.recsys.domain.model.experiment.StrategyStatsRepository;

/**
 * Shares traffic between the ranking strategies by Thompson sampling (Thompson 1933; Chapelle and Li, NIPS 2011):
 * each request samples every strategy's positive-feedback rate from Beta(1 + positives, 1 + lists without one)
 * and goes to the highest sample, so the strategy that earns more positive feedback gets more traffic while the other
 * keeps being tried. The evidence lives in the database, so every member of the cluster samples from the same counts;
 * members re-read it every second in the background.
 */
@ApplicationScoped
public class Experiments {

    static final long REFRESH_MILLIS = 1000;

    @Inject
    StrategyStatsRepository stats;
    @Inject
    Transactions transactions;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Map<Strategy, long[]> evidence = new EnumMap<>(Strategy.class);

    /** The strategy for the next request. */
    public Strategy choose() {
        return choose(evidence, ThreadLocalRandom.current().nextLong());
    }

    /**
     * Thompson sampling's choice for given evidence (per strategy: lists shown, lists with positive feedback): the
     * strategy with the highest Beta(1 + positives, 1 + lists without one) sample.
     */
    static Strategy choose(Map<Strategy, long[]> counts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Strategy best = Strategy.values()[0];
        double bestSample = -1;
        for (Strategy strategy : Strategy.values()) {
            long[] c = counts.getOrDefault(strategy, new long[2]);
            double sample = sampleBeta(1 + Math.min(c[1], c[0]), 1 + Math.max(0, c[0] - c[1]), random.nextLong());
            if (sample > bestSample) {
                bestSample = sample;
                best = strategy;
            }
        }
        return best;
    }

    /** Each strategy's lists shown, positive feedback, and the share of traffic the bandit gives it now. */
    public List<Standing> standings() {
        Map<Strategy, long[]> counts = refresh();
        int draws = 4000;
        int[] wins = new int[Strategy.values().length];
        SplittableRandom random = new SplittableRandom(42);
        for (int d = 0; d < draws; d++) {
            wins[choose(counts, random.nextLong()).ordinal()]++;
        }
        List<Standing> result = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            long[] c = counts.getOrDefault(strategy, new long[2]);
            result.add(new Standing(strategy, c[0], c[1], c[0] == 0 ? 0 : (double) c[1] / c[0],
                    (double) wins[strategy.ordinal()] / draws));
        }
        return result;
    }

    /**
     * Makes sure every strategy has its row (at start-up, before traffic) and re-reads the evidence every second in
     * the background, so that no request waits for the database.
     */
    public void prepare() {
        transactions.inNewTransaction(() -> {
            List<String> known = stats.findAll().stream().map(StrategyStats::strategy).toList();
            for (Strategy strategy : Strategy.values()) {
                if (!known.contains(strategy.id())) {
                    stats.add(strategy.id(), 0, 0);
                }
            }
            return null;
        });
        refresh();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(Experiments.class.getName())
                        .log(java.util.logging.Level.FINE, "Re-reading the strategy counts failed", e);
            }
        }, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private Map<Strategy, long[]> refresh() {
        Map<Strategy, long[]> fresh = new EnumMap<>(Strategy.class);
        for (StrategyStats row : transactions.inNewTransaction(stats::findAll)) {
            for (Strategy strategy : Strategy.values()) {
                if (strategy.id().equals(row.strategy())) {
                    fresh.put(strategy, new long[] {row.impressions(), row.positives()});
                }
            }
        }
        evidence = fresh;
        return fresh;
    }

    /** A Beta(a, b) sample as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (Marsaglia and Tsang, 2000). */
    static double sampleBeta(double a, double b, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double x = sampleGamma(a, random);
        double y = sampleGamma(b, random);
        return x / (x + y);
    }

    private static double sampleGamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            return sampleGamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }

    /** One strategy's record. */
    public record Standing(Strategy strategy, long impressions, long positives, double positiveRate,
                           double trafficShare) {
    }
}
