package org.recsys.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.Imports;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;

/**
 * Wall time of each operational job on one real dataset ({@code -Drecsys.bench.dataset=movielens-100k} or
 * {@code amazon-reviews}) in a fresh database, from the start request to the execution's end. Baseline, in the same
 * run and database: importing that dataset, which touches every row once through the same server.
 */
@ExtendWith(RecsysServer.class)
class JobBenchmark {

    static final List<String> JOBS = List.of("clean-data", "embed-backfill", "train-models", "cluster-interests",
            "evaluate");

    @Test
    void jobs(RecsysServer.Running server) throws Exception {
        String format = System.getProperty("recsys.bench.dataset", "movielens-100k");
        Path data = RecsysServer.dataDirectory().resolve(format.equals("movielens-100k") ? "movielens-100k"
                : "amazon-musical-instruments-5core");
        Assumptions.assumeTrue(Files.isDirectory(data), "real dataset not found at " + data + "; skipped");
        Api api = server.api();

        long began = System.nanoTime();
        JsonNode imported = Imports.runToEnd(api, format, data);
        double importSeconds = (System.nanoTime() - began) / 1e9;
        assertThat(imported.path("state").asText()).isEqualTo("COMPLETED");
        // The import's new items are embedded in the background (the live path); wait, and report how long that took,
        // so that embed-backfill then times only its own scan.
        began = System.nanoTime();
        Poll.until(() -> api.get("status").json().findValue("waitingForVectors"), w -> w != null && w.asLong() == 0,
                Duration.ofMinutes(20), "the imported items to be embedded");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("database", server.database().describe());
        result.put("dataset", format);
        result.put("importSeconds", round(importSeconds));
        result.put("liveEmbeddingAfterImportSeconds", round((System.nanoTime() - began) / 1e9));
        for (String job : JOBS) {
            long start = System.nanoTime();
            Api.Answer started = api.post("jobs/" + job + "/executions", "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            long id = started.json().path("executionId").asLong();
            JsonNode run = Poll.until(() -> api.get("jobs/executions/" + id).json(), r -> r.hasNonNull("endedAt"),
                    Duration.ofMinutes(30), job + " to end");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("seconds", round(seconds));
            one.put("ratioToImport", round(seconds / importSeconds));
            one.put("itemsInLastStep", run.path("done").asLong());
            one.put("exitStatus", run.path("exitStatus").asText());
            result.put(job, one);
            System.out.printf("[benchmark] %s on %s: %.1f s%n", job, format, seconds);
        }
        String json = Api.write(result);
        System.out.println("[benchmark] jobs " + json);
        Path out = Path.of("target/benchmarks");
        Files.createDirectories(out);
        Files.writeString(out.resolve("jobs-" + format + "-" + System.getProperty("recsys.it.db", "h2") + ".json"),
                json);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
