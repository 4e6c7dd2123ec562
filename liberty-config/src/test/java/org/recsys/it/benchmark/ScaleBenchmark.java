package org.recsys.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.recsys.it.support.Api;
import org.recsys.it.support.LibertyServer;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;
import org.recsys.it.support.TestDatabase;
import org.recsys.ml.text.TextEncoder;
import org.recsys.ml.text.TextEncoders;

/**
 * The catalogue as it grows (issue #13). For each size n ({@code -Drecsys.scale.sizes}, default 10,000 and 100,000)
 * a fresh server with the shipped configuration, on an empty database, takes n items with generated texts through
 * {@code POST /items/batch} and 1,000 users with 20 events each, and is measured: items/s until every item is
 * recommendable (embedded) and until the vector graph holds them all, recommendations under load from wrk, single
 * item upserts until they show in the catalogue's search, heap after a full GC, and the start-up of a restarted
 * member. Baseline in the same run: a second server on the same database with {@code RECSYS_CATALOGUE_INDEX=exact}
 * (an exact scan of every vector per query), under the same load.
 */
class ScaleBenchmark {

    static final int USERS = 1_000;
    static final int UPSERTS = 20;

    @Test
    void scale() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")),
                "wrk is not installed (apt-get install wrk); the scale benchmark needs it");
        if ("postgresql".equals(TestDatabase.kind())) {
            String problem = TestDatabase.postgresqlProblem();
            Assumptions.assumeTrue(problem == null, "PostgreSQL is not reachable: " + problem);
        }
        Map<String, Object> encoder = encoderAlone();
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (String size : System.getProperty("recsys.scale.sizes", "10000,100000").split(",")) {
            Map<String, Object> measured = measure(Integer.parseInt(size.trim()));
            Object rate = ((Map<?, ?>) measured.get("ingest")).get("recommendableItemsPerSecond");
            measured.put("recommendableShareOfEncoderRate", ((Number) rate).doubleValue()
                    / ((Number) encoder.get("itemsPerSecond")).doubleValue());
            sizes.add(measured);
            String json = Api.write(Map.of("database", TestDatabase.kind(), "encoderAlone", encoder, "sizes", sizes));
            System.out.println("[benchmark] scale " + json);
            Path out = Path.of("target/benchmarks");
            Files.createDirectories(out);
            Files.writeString(out.resolve("scale-" + TestDatabase.kind() + ".json"), json);
        }
    }

    /**
     * The baseline of the ingest rate: the server's default encoder in this JVM, with no server running, on the texts
     * of the first 5,000 generated items as the server embeds them (title, ". ", description).
     */
    private static Map<String, Object> encoderAlone() {
        List<String> texts = texts(0, 5_000);
        TextEncoder encoder = TextEncoders.fromConfig(Map.of());
        encoder.encodeAll(texts(5_000, 5_500)); // warm-up, on other texts (the encoder caches)
        long began = System.nanoTime();
        encoder.encodeAll(texts);
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("encoder", encoder.tag().modelId());
        result.put("texts", texts.size());
        result.put("itemsPerSecond", Math.round(texts.size() / seconds));
        return result;
    }

    private static List<String> texts(int from, int to) {
        return ServingBenchmark.itemDocuments(from, to).stream()
                .map(item -> item.get("title") + ". " + item.get("description")).toList();
    }

    private static Map<String, Object> measure(int items) throws Exception {
        Path runDirectory = Path.of("target/scale/" + items).toAbsolutePath();
        QualityBenchmark.deleteRecursively(runDirectory);
        Files.createDirectories(runDirectory);
        TestDatabase database = TestDatabase.create(runDirectory);
        Map<String, String> env = new LinkedHashMap<>(database.environment());
        env.put("RECSYS_DEMO_ENABLED", "false");
        env.put("RECSYS_API_OPERATOR_KEY", RecsysServer.API_KEY);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("items", items);
        result.put("users", USERS);
        Path recommend = LoadDriver.script("recommend", "/api/v1/users/bench-u\" .. math.random(0, " + (USERS - 1)
                + ") .. \"/recommendations?n=10");
        LibertyServer server = new LibertyServer("scale-" + items, runDirectory, env).start();
        try {
            Api api = new Api(server.baseUri());
            long began = System.nanoTime();
            ServingBenchmark.loadCatalogue(api, 0, items);
            double accepted = LoadDriver.seconds(began);
            ServingBenchmark.awaitEmbedded(api, items, Duration.ofSeconds(300 + items / 50));
            double recommendable = LoadDriver.seconds(began);
            Poll.until(() -> ServingBenchmark.catalogueStatus(api), c -> c.path("waitingForIndex").asInt(-1) == 0,
                    Duration.ofMinutes(30), "every item in the vector graph");
            double indexed = LoadDriver.seconds(began);
            Map<String, Object> ingest = new LinkedHashMap<>();
            ingest.put("acceptedByApiSeconds", accepted);
            ingest.put("recommendableSeconds", recommendable);
            ingest.put("recommendableItemsPerSecond", Math.round(items / recommendable));
            ingest.put("inGraphSeconds", indexed);
            result.put("ingest", ingest);

            ServingBenchmark.loadUsers(api, USERS, items);
            // Models as a partner's server has them: trained now, so that the restarted and the exact server start
            // with the same active models instead of training their own in the background while measured.
            result.put("trainModelsSeconds", trainModels(api));
            warmUp(api);
            LoadDriver.wrk(server, recommend, 2, 8, 45); // warm-up for the JIT
            result.put("recommendations", LoadDriver.wrk(server, recommend, 2, 4, 30));
            result.put("upsert", upserts(api, items));
            result.put("catalogueStatus", ServingBenchmark.catalogueStatus(api));
            result.put("heapAfterFullGcMb", heapAfterFullGc(server));

            server.stop();
            began = System.nanoTime();
            server.start();
            Map<String, Object> startup = new LinkedHashMap<>();
            startup.put("healthUpSeconds", LoadDriver.seconds(began));
            Poll.until(() -> ServingBenchmark.catalogueStatus(api), c -> c.path("waitingForIndex").asInt(-1) == 0,
                    Duration.ofMinutes(30), "every item in the vector graph after the restart");
            startup.put("inGraphSeconds", LoadDriver.seconds(began));
            result.put("restart", startup);
            server.stop();

            Map<String, String> exactEnv = new LinkedHashMap<>(env);
            exactEnv.put("RECSYS_CATALOGUE_INDEX", "exact");
            LibertyServer exact = new LibertyServer("scale-exact-" + items, runDirectory, exactEnv).start();
            try {
                Api exactApi = new Api(exact.baseUri());
                warmUp(exactApi);
                LoadDriver.wrk(exact, recommend, 2, 8, 45);
                Map<String, Object> baseline = new LinkedHashMap<>();
                baseline.put("recommendations", LoadDriver.wrk(exact, recommend, 2, 4, 30));
                baseline.put("upsert", upserts(exactApi, items + UPSERTS));
                baseline.put("heapAfterFullGcMb", heapAfterFullGc(exact));
                result.put("exactBaseline", baseline);
            } finally {
                exact.stop();
            }
        } finally {
            server.stop();
            database.drop();
        }
        return result;
    }

    private static double trainModels(Api api) {
        long began = System.nanoTime();
        Api.Answer started = api.post("jobs/train-models/executions", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().path("executionId").asLong();
        JsonNode run = Poll.until(() -> api.get("jobs/executions/" + id).json(), r -> r.hasNonNull("endedAt"),
                Duration.ofMinutes(20), "train-models to end");
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
        return LoadDriver.seconds(began);
    }

    /** Every user asked once; interest points are computed in the background after that, as in ServingBenchmark. */
    private static void warmUp(Api api) throws InterruptedException {
        for (int u = 0; u < USERS; u++) {
            api.get("users/bench-u" + u + "/recommendations?n=10");
        }
        Poll.until(() -> api.get("users/bench-u" + (USERS - 1) + "/profile").json(),
                p -> p.path("interests").size() > 0, Duration.ofMinutes(5), "interest points of the last user");
        Thread.sleep(5_000);
    }

    /**
     * New items, each with the texts of an existing one: the time of the {@code PUT} and until the existing item's
     * similar items (the same catalogue search the recommendations use) show the new one.
     */
    private static Map<String, Object> upserts(Api api, int firstNew) {
        long[] put = new long[UPSERTS];
        long[] visible = new long[UPSERTS];
        for (int r = 0; r < UPSERTS; r++) {
            String twin = "bench-i" + (r * 37 % 1_000);
            JsonNode original = api.get("items/" + twin).json();
            String id = "bench-i" + (firstNew + r);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", original.path("title").asText());
            body.put("description", original.path("description").asText());
            long t0 = System.nanoTime();
            Api.Answer answer = api.put("items/" + id, body);
            put[r] = System.nanoTime() - t0;
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
            while (true) {
                List<String> similar = new ArrayList<>();
                api.get("items/" + twin + "/similar?n=10").json().path("items")
                        .forEach(i -> similar.add(i.path("itemId").asText()));
                visible[r] = System.nanoTime() - t0;
                if (similar.contains(id)) {
                    break;
                }
                assertThat(visible[r]).as(id + " among the items similar to its twin within 30 s")
                        .isLessThan(30_000_000_000L);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("putMedianMs", LoadDriver.percentile(put, 50));
        summary.put("putMaxMs", LoadDriver.percentile(put, 100));
        summary.put("visibleMedianMs", LoadDriver.percentile(visible, 50));
        summary.put("visibleMaxMs", LoadDriver.percentile(visible, 100));
        return summary;
    }

    /** Heap in use after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in MB. */
    private static long heapAfterFullGc(LibertyServer server) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        jcmd(jcmd, server.pid(), "GC.run");
        String info = jcmd(jcmd, server.pid(), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        assertThat(used.find()).as(info).isTrue();
        return Long.parseLong(used.group(1)) / 1024;
    }

    private static String jcmd(String jcmd, long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
