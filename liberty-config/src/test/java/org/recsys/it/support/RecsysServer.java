package org.recsys.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a running recsys server on the run's database. The server starts once per test
 * run (the first test class that asks for it) and stops when the run ends. Tests take an {@link Api} or this
 * {@link Running} server as a parameter.
 */
public class RecsysServer implements ParameterResolver {

    /** The operator API key every test server stores at start (RECSYS_API_OPERATOR_KEY); {@link Api} sends it. */
    public static final String API_KEY = "it-operator-key-" + UUID.randomUUID();

    /** Console users of the test servers besides the generated admin: name, role, password. */
    public static final String OPERATOR = "it-operator";
    public static final String VIEWER = "it-viewer";
    public static final String CONSOLE_PASSWORD = "it-console-" + UUID.randomUUID();

    /** Where tests may put files for the import API to read (one of the server's import roots). */
    public static Path importDirectory() {
        return runDirectory().resolve("imports").toAbsolutePath();
    }

    /** The real datasets, when this machine has them. */
    public static Path dataDirectory() {
        return Path.of(System.getProperty("recsys.data.dir", "../shared/data")).toAbsolutePath().normalize();
    }

    /**
     * A real dataset's folder under {@link #dataDirectory()}; the calling test is skipped, with the reason printed,
     * when the folder is absent (CI always has it).
     */
    public static Path dataset(String folder) {
        Path path = dataDirectory().resolve(folder);
        Assumptions.assumeTrue(java.nio.file.Files.isDirectory(path), "real dataset not found at " + path
                + "; skipped");
        return path;
    }

    public static Path runDirectory() {
        return Path.of(System.getProperty("recsys.it.run.dir", "target/it/" + TestDatabase.kind()));
    }

    /** A started primary server and its database, shared by every test of the run. */
    public static final class Running implements AutoCloseable {

        private final TestDatabase database;
        private final LibertyServer server;

        Running() {
            if ("postgresql".equals(TestDatabase.kind())) {
                String problem = TestDatabase.postgresqlProblem();
                String reason = "PostgreSQL is not reachable at " + TestDatabase.POSTGRESQL_URL + ": " + problem;
                if (problem != null && Boolean.getBoolean("recsys.it.require-postgresql")) {
                    throw new IllegalStateException(reason);
                }
                Assumptions.assumeTrue(problem == null, reason);
            }
            try {
                Files.createDirectories(importDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            database = TestDatabase.create(runDirectory());
            System.out.println("[it] database: " + database.describe());
            server = new LibertyServer("member-a", runDirectory(), memberEnvironment(database, 0)).start();
        }

        public Api api() {
            return new Api(server.baseUri());
        }

        public LibertyServer server() {
            return server;
        }

        public TestDatabase database() {
            return database;
        }

        @Override
        public void close() {
            server.stop();
            database.drop();
        }
    }

    /** Cluster ports of the run's two members (the second one is started by the cluster test). */
    static final int[] CLUSTER_PORTS = {LibertyServer.freePort(), LibertyServer.freePort(), LibertyServer.freePort()};
    /** The run's cluster secret: what lets a member in (RECSYS_CLUSTER_SECRET). */
    static final String CLUSTER_SECRET = "it-cluster-secret-" + UUID.randomUUID();

    /**
     * What member {@code index} (0 or 1) of a test run is started with: its database, demo data, the import folders,
     * and clustering over loopback with the other member.
     */
    public static Map<String, String> memberEnvironment(TestDatabase database, int index) {
        Map<String, String> env = new LinkedHashMap<>(database.environment());
        env.put("RECSYS_DEMO_ENABLED", "true");
        env.put("RECSYS_IMPORT_ROOTS", dataDirectory() + "," + importDirectory());
        env.put("RECSYS_CLUSTER_ENABLED", "true");
        env.put("RECSYS_CLUSTER_PORT", Integer.toString(CLUSTER_PORTS[index]));
        env.put("RECSYS_CLUSTER_MEMBERS", java.util.Arrays.stream(CLUSTER_PORTS).mapToObj(p -> "127.0.0.1[" + p + "]")
                .collect(java.util.stream.Collectors.joining(",")));
        env.put("RECSYS_CLUSTER_NAME", "recsys-it-" + ProcessHandle.current().pid());
        env.put("RECSYS_CLUSTER_SECRET", CLUSTER_SECRET);
        // Popularity is reconciled with the database every 5 s (default 300 s), so that the fault tests can check
        // that members converge within that bound.
        env.put("RECSYS_CATALOGUE_POPULARITY_RECONCILE_SECONDS", "5");
        // Schedules are checked every second so that a schedule test need not wait the default 15 s.
        env.put("RECSYS_JOBS_SCHEDULER_TICK_SECONDS", "1");
        // A job whose member died is started again by another after 15 s without renewal (default 60 s).
        env.put("RECSYS_JOBS_LEASE_SECONDS", "15");
        // Sentiment training and evaluation encode at most 1,000 reviews (default 5,000): the tests check the
        // workflow, the benchmarks the full size.
        env.put("RECSYS_MODELS_MAX_REVIEWS", "1000");
        // The top-N model learns from the newest 3,000 interactions, about the demo data (default 2,000,000):
        // DatasetImportIT puts all of MovieLens and Amazon into the shared database; the tests check the workflow,
        // QualityBenchmark the full size.
        env.put("RECSYS_MODELS_MAX_INTERACTIONS", "3000");
        // The API needs a key and the console a sign-in; the admin password is generated (demo mode) as for a user.
        env.put("RECSYS_API_OPERATOR_KEY", API_KEY);
        env.put("RECSYS_CONSOLE_USERS", OPERATOR + ":operator:" + CONSOLE_PASSWORD + "," + VIEWER + ":viewer:"
                + CONSOLE_PASSWORD);
        if ("postgresql".equals(TestDatabase.kind())) {
            // Every request thread keeps its connection: with the defaults (40 threads, 60 connections) two members
            // under load hold about 100, PostgreSQL's default max_connections, and a third server cannot connect.
            env.put("RECSYS_THREADS", "20");
            env.put("RECSYS_DB_POOL_SIZE", "30");
        }
        return env;
    }

    public static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(RecsysServer.class))
                .getOrComputeIfAbsent("primary", key -> new Running(), Running.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class || type == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = running(context);
        return parameter.getParameter().getType() == Api.class ? running.api() : running;
    }
}
