package org.recsys.interfaces.operations.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.recsys.application.retention.RetentionPolicy;
import org.recsys.domain.model.impression.ImpressionRepository;

/** Ids of impressions older than their retention period, by id; none when impressions are kept for ever. */
@Named
@Dependent
public class ExpiredImpressionsReader extends KeyPagedReader<String, String> {

    @Inject
    ImpressionRepository impressions;
    @Inject
    RetentionPolicy retention;

    private Optional<Instant> cutoff;

    private Optional<Instant> cutoff() {
        if (cutoff == null) {
            cutoff = retention.impressionsBefore(Instant.now());
        }
        return cutoff;
    }

    @Override
    protected List<String> page(String after, int limit) {
        return cutoff().map(before -> impressions.idsCreatedBefore(before, after, limit)).orElse(List.of());
    }

    @Override
    protected String keyOf(String recommendationId) {
        return recommendationId;
    }

    @Override
    protected long total() {
        return cutoff().map(impressions::countCreatedBefore).orElse(0L);
    }
}
