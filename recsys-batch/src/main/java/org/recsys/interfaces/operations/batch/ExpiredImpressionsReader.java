package org.recsys.interfaces.operations.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.recsys.application.retention.RetentionPolicy;
import org.recsys.domain.model.impression.ImpressionRepository;

/** Ids of impressions older than their retention period, by id. */
@Named
@Dependent
public class ExpiredImpressionsReader extends ExpiredRowsReader<String, String> {

    @Inject
    ImpressionRepository impressions;

    @Override
    protected Optional<Instant> cutoff(RetentionPolicy policy, Instant now) {
        return policy.impressionsBefore(now);
    }

    @Override
    protected List<String> expired(Instant before, String after, int limit) {
        return impressions.idsCreatedBefore(before, after, limit);
    }

    @Override
    protected long countExpired(Instant before) {
        return impressions.countCreatedBefore(before);
    }

    @Override
    protected String keyOf(String recommendationId) {
        return recommendationId;
    }
}
