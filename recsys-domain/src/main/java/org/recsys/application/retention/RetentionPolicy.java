package org.recsys.application.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention periods in days; 0 keeps a kind of record for ever. Impressions default to 90 days: attribution of
 * feedback to a list shown longer ago is of no use, and the bandit keeps its counts in {@code strategy_stats}.
 * Raw feedback is kept by default: it is what the models are trained on. Notes of item removals (read by members
 * catching up after an absence) default to 30 days.
 */
@ApplicationScoped
public class RetentionPolicy {

    @Inject
    @ConfigProperty(name = "recsys.retention.impressions-days", defaultValue = "90")
    int impressionDays;

    @Inject
    @ConfigProperty(name = "recsys.retention.feedback-days", defaultValue = "0")
    int feedbackDays;

    @Inject
    @ConfigProperty(name = "recsys.retention.item-removals-days", defaultValue = "30")
    int itemRemovalDays;

    public int impressionDays() {
        return Math.max(0, impressionDays);
    }

    public int feedbackDays() {
        return Math.max(0, feedbackDays);
    }

    public int itemRemovalDays() {
        return Math.max(0, itemRemovalDays);
    }

    /**
     * Notes of item removals made before this instant are due for deletion; empty when they are kept for ever. A
     * member that catches up after being away longer than this cannot learn of the older removals from them.
     */
    public Optional<Instant> itemRemovalsBefore(Instant now) {
        return cutoff(now, itemRemovalDays());
    }

    /** Impressions logged before this instant are due for deletion; empty when they are kept for ever. */
    public Optional<Instant> impressionsBefore(Instant now) {
        return cutoff(now, impressionDays());
    }

    /** Feedback that happened before this instant is due for deletion; empty when it is kept for ever. */
    public Optional<Instant> feedbackBefore(Instant now) {
        return cutoff(now, feedbackDays());
    }

    private static Optional<Instant> cutoff(Instant now, int days) {
        return days == 0 ? Optional.empty() : Optional.of(now.minus(Duration.ofDays(days)));
    }
}
