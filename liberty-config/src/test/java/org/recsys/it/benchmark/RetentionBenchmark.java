package org.recsys.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;
import org.recsys.it.support.TestDatabase;

/**
 * The impression table under the default retention (90 days) over many simulated days: each day begins by making
 * every stored impression one day older (the only simulated part: the server's clock is real), then serves
 * {@code recsys.bench.lists-per-day} recommendation lists through the API and runs {@code apply-retention} through
 * the API, which keeps the lists of the last 90 days, today's included.
 * Baseline in the same run: the lists served so far, i.e. what the table would hold without retention, and the
 * day's serving time next to the job's.
 */
@ExtendWith(RecsysServer.class)
class RetentionBenchmark {

    @Test
    void impressionTableStaysFlat(RecsysServer.Running server) throws Exception {
        int days = Integer.getInteger("recsys.bench.days", 120);
        int listsPerDay = Integer.getInteger("recsys.bench.lists-per-day", 500);
        Api api = server.api();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long startRows = impressions(server.database());
        long served = 0;
        List<Map<String, Object>> samples = new ArrayList<>();
        try {
            for (int day = 1; day <= days; day++) {
                ageOneDay(server.database());
                long before = impressions(server.database());
                long began = System.nanoTime();
                serveDay(http, clients, server, listsPerDay, day);
                served += listsPerDay;
                // The impression log writes every 200 ms; nothing deletes while the day is served.
                Poll.until(() -> impressions(server.database()), n -> n >= before + listsPerDay,
                        Duration.ofSeconds(30), "day " + day + "'s impressions");
                double servingSeconds = (System.nanoTime() - began) / 1e9;
                began = System.nanoTime();
                Api.Answer started = api.post("jobs/apply-retention/executions", "");
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                long id = started.json().path("executionId").asLong();
                JsonNode run = Poll.until(() -> api.get("jobs/executions/" + id).json(),
                        r -> r.hasNonNull("endedAt"), Duration.ofMinutes(10), "apply-retention of day " + day);
                double jobSeconds = (System.nanoTime() - began) / 1e9;
                assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
                long rows = impressions(server.database());
                if (day == 1 || day % 10 == 0 || day == days) {
                    Map<String, Object> sample = new LinkedHashMap<>();
                    sample.put("day", day);
                    sample.put("impressionRows", rows);
                    sample.put("withoutRetention", startRows + served);
                    sample.put("ratioToWithoutRetention", round((double) rows / (startRows + served)));
                    sample.put("servingSeconds", round(servingSeconds));
                    sample.put("jobSeconds", round(jobSeconds));
                    sample.put("exitStatus", run.path("exitStatus").asText());
                    samples.add(sample);
                    System.out.println("[benchmark] retention " + Api.write(sample));
                }
            }
        } finally {
            clients.shutdownNow();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("database", server.database().describe());
        result.put("listsPerDay", listsPerDay);
        result.put("retentionDays", 90);
        result.put("days", samples);
        String json = Api.write(result);
        Path out = Path.of("target/benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("retention-" + TestDatabase.kind() + ".json"), json);
        long last = (long) samples.get(samples.size() - 1).get("impressionRows");
        if (days > 90) {
            // Days days-89..days are kept; what was there before the run is older than 90 days by now.
            assertThat(last).as("rows after %d days", days).isEqualTo(90L * listsPerDay);
        }
    }

    private static void serveDay(HttpClient http, ExecutorService clients, RecsysServer.Running server, int lists,
                                 int day) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            int first = worker;
            sent.add(clients.submit(() -> {
                for (int i = first; i < lists; i += 4) {
                    String user = String.format("demo-user-%03d", 1 + (day * 7 + i) % 40);
                    HttpRequest request = HttpRequest.newBuilder(server.server().baseUri()
                                    .resolve("/api/v1/users/" + user + "/recommendations?n=10"))
                            .header("Authorization", "Bearer " + RecsysServer.API_KEY).build();
                    HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("recommendations answered " + answer.statusCode());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
    }

    private static long impressions(TestDatabase database) {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from impression")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ageOneDay(TestDatabase database) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("update impression set created_at = created_at - INTERVAL '1' DAY");
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
