package org.recsys.application.serving;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.recsys.application.Transactions;
import org.recsys.domain.model.experiment.StrategyStatsRepository;
import org.recsys.domain.model.impression.Impression;
import org.recsys.domain.model.impression.ImpressionRepository;
import org.recsys.domain.model.user.UserRepository;

/**
 * Writes every list shown as an impression, and counts it for its strategy, off the request path: lists are queued
 * and written every 200 ms in one transaction. Attribution does not wait for it, because a recommendation id names
 * its strategy.
 */
@ApplicationScoped
public class ImpressionLog {

    private static final Logger LOG = Logger.getLogger(ImpressionLog.class.getName());

    static final long FLUSH_MILLIS = 200;

    @Inject
    ImpressionRepository impressions;
    @Inject
    StrategyStatsRepository stats;
    @Inject
    UserRepository users;
    @Inject
    Transactions transactions;
    @Resource
    ManagedScheduledExecutorService scheduler;

    Clock clock = Clock.systemUTC();

    private final ConcurrentLinkedQueue<Impression> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public void record(String recommendationId, String userId, List<String> itemIds, Strategy strategy) {
        queue.add(new Impression(recommendationId, userId, itemIds, strategy.id(), clock.instant()));
        if (scheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::flush, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes what is queued now. */
    public void flush() {
        scheduled.set(false);
        List<Impression> batch = new ArrayList<>();
        for (Impression next; (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store(batch);
        } catch (RuntimeException e) {
            // Most likely a user erased meanwhile: keep the others.
            for (Impression impression : batch) {
                try {
                    store(List.of(impression));
                } catch (RuntimeException single) {
                    LOG.log(Level.FINE, "Impression dropped", single);
                }
            }
        }
    }

    private void store(List<Impression> batch) {
        transactions.inNewTransaction(() -> {
            // A user erased since the list was shown has no row to refer to: skip theirs rather than fail the
            // commit (an FFDC incident, then one transaction per impression below).
            Set<String> present = users.existingIds(batch.stream().map(Impression::userId).distinct().toList());
            Map<String, Long> perStrategy = new HashMap<>();
            for (Impression impression : batch) {
                if (!present.contains(impression.userId())) {
                    continue;
                }
                impressions.store(impression);
                perStrategy.merge(impression.strategy(), 1L, Long::sum);
            }
            perStrategy.forEach((strategy, count) -> stats.add(strategy, count, 0));
            return null;
        });
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
