package org.recsys.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Timers behind {@code /metrics} (Prometheus format, with percentiles): how long recommendations, profile lookups
 * (from the cluster cache or the database) and feedback writes take on this member.
 */
@ApplicationScoped
public class ServingMetrics {

    @Inject
    MetricRegistry registry;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** No metrics (outside the container). */
    public static ServingMetrics none() {
        return new ServingMetrics();
    }

    public <T> T recommendation(Supplier<T> work) {
        return time(timer("recsys.recommendation", "Time to answer one recommendation request"), work);
    }

    public <T> T profileLookup(String source, Supplier<T> work) {
        return time(timer("recsys.profile.lookup", "Time to read one user profile", new Tag("source", source)),
                work);
    }

    public <T> T feedback(Supplier<T> work) {
        return time(timer("recsys.feedback.write", "Time to store one feedback request (one event or a batch)"),
                work);
    }

    private Timer timer(String name, String description, Tag... tags) {
        if (registry == null) {
            return null;
        }
        String key = name + java.util.Arrays.toString(tags);
        return timers.computeIfAbsent(key, k -> registry.timer(Metadata.builder().withName(name)
                .withDescription(description).build(), tags));
    }

    private static <T> T time(Timer timer, Supplier<T> work) {
        if (timer == null) {
            return work.get();
        }
        long began = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer.update(Duration.ofNanos(System.nanoTime() - began));
        }
    }
}
