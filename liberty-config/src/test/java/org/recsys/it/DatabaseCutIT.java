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
 * Every connection of a server to PostgreSQL cut at once (as a database restart or a failover does), while clients
 * read and write: the answers in between are 2xx or 503 problems (send again), the server serves again by itself,
 * and every write it acknowledged is stored once. A server of its own, outside the cluster and on a schema of its own, so that the
 * other tests' server never meets a cut connection.
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

            long cut = System.nanoTime();
            int terminated = backends(database, application, true);
            System.out.println("[it] cut " + terminated + " connections of the server to PostgreSQL");
            assertThat(terminated).isPositive();

            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(clients.submit(() -> {
                    for (int n = 0; System.nanoTime() - cut < TimeUnit.SECONDS.toNanos(15); n++) {
                        String key = "cut-" + client + "-" + n;
                        Api.Answer answer = switch (n % 3) {
                            case 0 -> api.get("users/" + user + "/recommendations?n=10");
                            case 1 -> api.post("feedback", Map.of("userId", user, "itemId", item, "type", "CLICK",
                                    "idempotencyKey", key));
                            default -> api.get("items/" + item);
                        };
                        outcomes.add(new Outcome(System.nanoTime() - cut, n % 3 == 1 ? key : null, answer));
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();

            List<Outcome> failed = outcomes.stream().filter(o -> o.answer().status() >= 300).toList();
            long lastFailure = failed.stream().mapToLong(Outcome::atNanos).max().orElse(0);
            System.out.println("[it] after the cut: " + outcomes.size() + " requests in 15 s, " + failed.size()
                    + " not 2xx (statuses " + failed.stream().map(o -> o.answer().status()).distinct().toList()
                    + "), the last " + TimeUnit.NANOSECONDS.toMillis(lastFailure) + " ms after the cut");
            failed.stream().findFirst().ifPresent(o -> System.out.println("[it] the first: " + o.answer()));
            for (Outcome outcome : failed) {
                // 503: the database failed, not the request, and sending it again is safe.
                assertThat(outcome.answer().status()).as(outcome.answer().toString()).isEqualTo(503);
                assertThat(outcome.answer().contentType()).as(outcome.answer().toString())
                        .startsWith("application/problem+json");
                assertThat(outcome.answer().body()).as(outcome.answer().toString())
                        .doesNotContain("\tat ", "Exception:", "org.postgresql");
            }
            // It serves again by itself: the last five seconds of the stream are all answered.
            assertThat(lastFailure).as("failures after the cut").isLessThan(TimeUnit.SECONDS.toNanos(10));
            assertThat(outcomes.stream().filter(o -> o.atNanos() > TimeUnit.SECONDS.toNanos(10)).count())
                    .as("requests in the last five seconds").isPositive();

            // Every feedback acknowledged is stored, once; none that was refused is.
            List<String> acknowledged = outcomes.stream().filter(o -> o.key() != null && o.answer().status() == 201)
                    .map(Outcome::key).toList();
            List<String> refused = outcomes.stream().filter(o -> o.key() != null && o.answer().status() >= 300)
                    .map(Outcome::key).toList();
            assertThat(acknowledged).isNotEmpty();
            for (String key : acknowledged) {
                assertThat(database.number("select count(*) from feedback_event where idempotency_key = ?", key))
                        .as("acknowledged " + key).isEqualTo(1);
            }
            for (String key : refused) {
                assertThat(database.number("select count(*) from feedback_event where idempotency_key = ?", key))
                        .as("refused " + key).isLessThanOrEqualTo(1);
            }
            Poll.until(() -> backends(database, application, false), n -> n > 0, Duration.ofSeconds(10),
                    "the server connected again");
        } finally {
            server.stop();
            database.drop();
        }
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
