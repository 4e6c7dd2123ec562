package org.recsys.domain.model.impression;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Impressions by recommendation id. */
public interface ImpressionRepository {

    Optional<Impression> find(String recommendationId);

    void store(Impression impression);

    int removeForUser(String userId);

    /** A user's impressions by recommendation id, strictly after {@code afterId} when given. */
    List<Impression> listForUser(String userId, String afterId, int limit);

    /** Ids of impressions logged before {@code cutoff}, by id, strictly after {@code afterId} when given. */
    List<String> idsCreatedBefore(Instant cutoff, String afterId, int limit);

    long countCreatedBefore(Instant cutoff);

    int removeAll(Collection<String> recommendationIds);

    long count();
}
