package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.recsys.it.support.Api;
import org.recsys.it.support.LibertyServer;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;
import org.recsys.it.support.TestDatabase;

/**
 * Every connection of a server to PostgreSQL cut at once (as a database restart or a failover does) while four
 * clients read and write: the answers the cut hits are 503 problems with Retry-After, the server serves again by
 * itself, every write it acknowledged is stored once, and one it refused, sent again, is stored once. A server of
 * its own, outside the cluster and on a schema of its own, so that the other tests' server never meets a cut
 * connection.
 */
class DatabaseCutIT {

    private static final int CLIENTS = 4;

    @Test
    void aServerWhoseDatabaseConnectionsAreCutAnswersProblemsAndServesAgain() throws Exception {
        String skip = "connections to H2 cannot be cut: it runs inside the server (the PostgreSQL run of the "
                + "integration tests has this test)";
        if (!"postgresql".equals(TestDatabase.kind())) {
            System.out.println("[it] DatabaseCutIT skipped: " + skip);
        }
        Assumptions.assumeTrue("postgresql".equals(TestDatabase.kind()), skip);
        TestDatabase database = TestDatabase.create(RecsysServer.runDirectory());
        String application = "recsys-it-cut-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = new LinkedHashMap<>(RecsysServer.memberEnvironment(database, 2));
        environment.put("RECSYS_CLUSTER_ENABLED", "false");
        // The PostgreSQL driver names its connections, so that the test cuts this server's and no one else's.
        environment.put("RECSYS_DB_URL", environment.get("RECSYS_DB_URL") + "&ApplicationName=" + application);
        LibertyServer server = new LibertyServer("db-cut", RecsysServer.runDirectory(), environment);
        try {
            server.start();
            Api api = new Api(server.baseUri());
            String user = "cut-user";
            assertThat(api.put("users/" + user, Map.of("preferenceText", "guitars and amplifiers")).status())
                    .isIn(200, 201);
            String item = RecommendationIT.ids(api.get("users/" + user + "/recommendations?n=5").json()).get(0);
            assertThat(api.post("feedback", Map.of("userId", user, "itemId", item, "type", "CLICK")).status())
                    .isEqualTo(201);
            assertThat(backends(database, application, false)).as("the server's connections").isPositive();

            // Four clients stream reads and writes for 16 s; 2 s in, every connection of the server is cut, while
            // requests are in flight.
            long began = System.nanoTime();
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    running.add(clients.submit(() -> {
                        for (int n = 0; System.nanoTime() - began < TimeUnit.SECONDS.toNanos(16); n++) {
                            String key = "cut-" + client + "-" + n;
                            Api.Answer answer = switch (n % 3) {
                                case 0 -> api.get("users/" + user + "/recommendations?n=10");
                                case 1 -> api.post("feedback", feedback(user, item, key));
                                default -> api.get("items/" + item);
                            };
                            outcomes.add(new Outcome(System.nanoTime() - began, n % 3 == 1 ? key : null, answer));
                        }
                    }));
                }
                Thread.sleep(2000);
                int terminated = backends(database, application, true);
                System.out.println("[it] cut " + terminated + " connections of the server to PostgreSQL");
                assertThat(terminated).isPositive();
                for (Future<?> client : running) {
                    client.get(60, TimeUnit.SECONDS);
                }
            } finally {
                clients.shutdownNow();
            }
            long cut = TimeUnit.SECONDS.toNanos(2);

            List<Outcome> failed = outcomes.stream().filter(o -> o.answer().status() >= 300).toList();
            long lastFailure = failed.stream().mapToLong(Outcome::atNanos).max().orElse(cut);
            System.out.println("[it] " + outcomes.size() + " requests in 16 s, " + failed.size() + " not 2xx "
                    + "(statuses " + failed.stream().map(o -> o.answer().status()).distinct().toList() + "), the "
                    + "last " + TimeUnit.NANOSECONDS.toMillis(lastFailure - cut) + " ms after the cut");
            failed.stream().findFirst().ifPresent(o -> System.out.println("[it] the first: " + o.answer()));
            assertThat(failed).as("answers the cut hit").isNotEmpty();
            for (Outcome outcome : failed) {
                // 503: the database failed, not the request; an idempotent request may be sent again.
                Api.Answer answer = outcome.answer();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
                assertThat(answer.retryAfter()).as(answer.toString()).isEqualTo("1");
                assertThat(answer.json().path("errorId").asText()).as(answer.toString()).isNotBlank();
                assertThat(answer.body()).as(answer.toString()).contains("database connection failed")
                        .doesNotContain("\tat ", "Exception:", "org.postgresql");
                assertThat(outcome.atNanos()).as("no failure before the cut").isGreaterThanOrEqualTo(cut);
            }
            // It serves again by itself: nothing fails later than 8 s after the cut, and requests went on.
            assertThat(lastFailure - cut).as("failures after the cut").isLessThan(TimeUnit.SECONDS.toNanos(8));
            assertThat(outcomes.stream().filter(o -> o.atNanos() > TimeUnit.SECONDS.toNanos(12)).count())
                    .as("requests in the last four seconds").isPositive();

            // Every feedback acknowledged is stored once; one refused and sent again, as the answer says, is
            // stored once too.
            List<String> acknowledged = outcomes.stream().filter(o -> o.key() != null && o.answer().status() == 201)
                    .map(Outcome::key).toList();
            assertThat(acknowledged).isNotEmpty();
            for (String key : acknowledged) {
                assertThat(database.number("select count(*) from feedback_event where idempotency_key = ?", key))
                        .as("acknowledged " + key).isEqualTo(1);
            }
            for (Outcome refused : failed.stream().filter(o -> o.key() != null).toList()) {
                Api.Answer again = api.post("feedback", feedback(user, item, refused.key()));
                assertThat(again.status()).as(again.toString()).isIn(200, 201);
                assertThat(database.number("select count(*) from feedback_event where idempotency_key = ?",
                        refused.key())).as("sent again " + refused.key()).isEqualTo(1);
            }
            Poll.until(() -> backends(database, application, false), n -> n > 0, Duration.ofSeconds(10),
                    "the server connected again");
        } finally {
            try {
                server.stop();
            } finally {
                database.drop();
            }
        }
    }

    private static Map<String, String> feedback(String user, String item, String key) {
        return Map.of("userId", user, "itemId", item, "type", "CLICK", "idempotencyKey", key);
    }

    private record Outcome(long atNanos, String key, Api.Answer answer) {
    }

    /** Counts the server's connections, or terminates them and counts those it terminated. */
    private static int backends(TestDatabase database, String application, boolean terminate) {
        String sql = terminate
                ? "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?"
                : "select count(*) from pg_stat_activity where application_name = ?";
        try (Connection c = database.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, application);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
