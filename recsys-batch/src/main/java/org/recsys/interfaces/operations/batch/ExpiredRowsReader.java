package org.recsys.interfaces.operations.batch;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.recsys.application.retention.RetentionPolicy;

/**
 * Rows older than their retention period, by key; none when that kind is kept for ever. The cutoff is fixed when the
 * step first reads, so rows that expire while it runs wait for the next run.
 */
abstract class ExpiredRowsReader<K extends Serializable, T> extends KeyPagedReader<K, T> {

    @Inject
    RetentionPolicy retention;

    private Optional<Instant> cutoff;

    /** Rows before this instant are expired; empty: this kind is kept for ever. */
    protected abstract Optional<Instant> cutoff(RetentionPolicy policy, Instant now);

    protected abstract List<T> expired(Instant before, K after, int limit);

    protected abstract long countExpired(Instant before);

    private Optional<Instant> cutoff() {
        if (cutoff == null) {
            cutoff = cutoff(retention, Instant.now());
        }
        return cutoff;
    }

    @Override
    protected List<T> page(K after, int limit) {
        return cutoff().map(before -> expired(before, after, limit)).orElse(List.of());
    }

    @Override
    protected long total() {
        return cutoff().map(this::countExpired).orElse(0L);
    }
}
