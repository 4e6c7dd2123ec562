package org.recsys.domain.model.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps are kept to the microsecond, the precision H2 and PostgreSQL store, so that what an answer shows before
 * and after a round trip through the database is the same instant.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
