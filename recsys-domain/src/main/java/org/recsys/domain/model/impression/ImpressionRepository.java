package org.recsys.domain.model.impression;

import java.util.Optional;

/** Impressions by recommendation id. */
public interface ImpressionRepository {

    Optional<Impression> find(String recommendationId);

    void store(Impression impression);

    int removeForUser(String userId);
}
