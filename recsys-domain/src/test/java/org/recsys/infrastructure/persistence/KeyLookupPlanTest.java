package org.recsys.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, looking up thousands of keys must probe the index on the key (an index scan or a bitmap index
 * scan) even when the table has never been analysed (autovacuum off, or just loaded): a sequential scan there
 * made ingestion 60 times slower.
 */
class KeyLookupPlanTest {

    @Test
    void postgresqlKeyLookupUsesTheIndexWithoutStatistics() {
        try (TestDatabase db = TestDatabase.postgresql()) {
            db.inTransaction(em -> {
                em.createNativeQuery("insert into app_user (id, source, created_at, updated_at) values ('u', 't', "
                        + "now(), now())").executeUpdate();
                em.createNativeQuery("insert into item (id, title, source, created_at, updated_at) values ('i', 't', "
                        + "'t', now(), now())").executeUpdate();
                em.createNativeQuery("insert into feedback_event (id, user_id, item_id, feedback_type, occurred_at, "
                        + "received_at, idempotency_key, source) select g, 'u', 'i', 'VIEW', now(), now(), 'k' || g, "
                        + "'t' from generate_series(1, 50000) g").executeUpdate();
                return null;
            });

            String keys = "'{" + String.join(",", IntStream.range(0, 5_000).mapToObj(i -> "k" + i * 7).toList())
                    + "}'";

            assertThat(plan(db, KeyLookups.postgresqlExisting("feedback_event", "idempotency_key"), keys))
                    .contains("feedback_event_idempotency_key")
                    .doesNotContain("Seq Scan");
            assertThat(plan(db, KeyLookups.postgresqlLoad("feedback_event", "idempotency_key", true),
                    keys)).contains("feedback_event_idempotency_key").doesNotContain("Seq Scan");
        }
    }

    private static String plan(TestDatabase db, String sql, String arrayLiteral) {
        List<?> rows = db.inTransaction(em -> em.createNativeQuery("explain " + sql.replace("?1", arrayLiteral))
                .getResultList());
        return String.join("\n", rows.stream().map(String::valueOf).toList());
    }
}
