package org.recsys.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.Imports;
import org.recsys.it.support.RecsysServer;

/**
 * Events per second through {@code POST /api/v1/feedback/batch} (10,000 events per request, each with an idempotency
 * key) and dataset import times, on the run's database. Baseline, in the same run and database: a plain JDBC batch
 * insert of the same number of rows into the same table, the floor that any API must pay on this database.
 */
@ExtendWith(RecsysServer.class)
class IngestBenchmark {

    static final int BATCH = 10_000;
    static final int WARM_UP_BATCHES = 5;
    static final int MEASURED_BATCHES = 20;

    @Test
    void ingest(RecsysServer.Running server) throws Exception {
        Api api = server.api();
        List<String> items = new ArrayList<>();
        api.get("items?limit=320").json().path("items").forEach(i -> items.add(i.path("id").asText()));
        assertThat(items).hasSizeGreaterThanOrEqualTo(300);

        for (int b = 0; b < WARM_UP_BATCHES; b++) {
            post(api, batch("warm", b, items));
        }
        long began = System.nanoTime();
        for (int b = 0; b < MEASURED_BATCHES; b++) {
            post(api, batch("run", b, items));
        }
        double apiSeconds = (System.nanoTime() - began) / 1e9;
        int events = MEASURED_BATCHES * BATCH;

        double jdbcSeconds = jdbcInsert(server, events, items);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("database", server.database().describe());
        result.put("events", events);
        result.put("apiEventsPerSecond", Math.round(events / apiSeconds));
        result.put("jdbcEventsPerSecond", Math.round(events / jdbcSeconds));
        result.put("apiToJdbcRatio", round(jdbcSeconds / apiSeconds));

        Path data = RecsysServer.dataDirectory();
        if (Files.isDirectory(data.resolve("movielens-100k"))) {
            result.put("movieLensImportSeconds", importSeconds(api, "movielens-100k", data.resolve("movielens-100k")));
            result.put("amazonImportSeconds", importSeconds(api, "amazon-reviews",
                    data.resolve("amazon-musical-instruments-5core")));
        }
        String json = Api.write(result);
        System.out.println("[benchmark] ingest " + json);
        Path out = Path.of("target/benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("ingest-" + System.getProperty("recsys.it.db", "h2") + ".json"), json);
    }

    private static double importSeconds(Api api, String format, Path path) {
        long began = System.nanoTime();
        JsonNode status = Imports.runToEnd(api, format, path);
        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
        return round((System.nanoTime() - began) / 1e9);
    }

    private static void post(Api api, String body) {
        Api.Answer answer = api.post("feedback/batch", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("stored").asInt()).isEqualTo(BATCH);
    }

    private static String batch(String run, int number, List<String> items) {
        StringBuilder json = new StringBuilder(BATCH * 120).append("{\"events\": [");
        for (int i = 0; i < BATCH; i++) {
            int n = number * BATCH + i;
            String type = n % 10 == 0 ? "\"RATING\", \"value\": " + (1 + n % 5)
                    : n % 3 == 0 ? "\"VIEW\"" : "\"CLICK\"";
            json.append(i == 0 ? "" : ",").append("{\"userId\": \"bench-u").append(n % 1_000)
                    .append("\", \"itemId\": \"").append(items.get(n % items.size()))
                    .append("\", \"type\": ").append(type)
                    .append(", \"idempotencyKey\": \"bench-").append(run).append('-').append(n).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** The baseline: the same number of rows, batched 1,000 per JDBC batch, committed every 10,000. */
    private static double jdbcInsert(RecsysServer.Running server, int rows, List<String> items) throws SQLException {
        Map<String, String> env = server.database().environment();
        Properties credentials = new Properties();
        credentials.setProperty("user", env.getOrDefault("RECSYS_DB_USER", "recsys"));
        credentials.setProperty("password", "postgresql".equals(env.get("RECSYS_DB")) ? "" : "recsys");
        if ("postgresql".equals(env.get("RECSYS_DB"))) {
            credentials.setProperty("reWriteBatchedInserts", "true");
        }
        try (Connection c = DriverManager.getConnection(env.get("RECSYS_DB_URL"), credentials)) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long began = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO feedback_event (id, user_id, item_id, "
                    + "feedback_type, event_value, event_text, occurred_at, received_at, recommendation_id, "
                    + "idempotency_key, source) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, 'benchmark')")) {
                for (int n = 0; n < rows; n++) {
                    insert.setLong(1, 1_000_000_000_000L + n);
                    insert.setString(2, "bench-u" + n % 1_000);
                    insert.setString(3, items.get(n % items.size()));
                    insert.setString(4, n % 10 == 0 ? "RATING" : n % 3 == 0 ? "VIEW" : "CLICK");
                    if (n % 10 == 0) {
                        insert.setDouble(5, 1 + n % 5);
                    } else {
                        insert.setNull(5, java.sql.Types.DOUBLE);
                    }
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.setString(8, "jdbc-" + n);
                    insert.addBatch();
                    if (n % 1_000 == 999) {
                        insert.executeBatch();
                    }
                    if (n % BATCH == BATCH - 1) {
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            c.createStatement().executeUpdate("DELETE FROM feedback_event WHERE source = 'benchmark'");
            c.commit();
            return seconds;
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
