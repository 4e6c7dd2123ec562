package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;

/** The operational jobs, the model registry and the schedules, through the API of a running server. */
@ExtendWith(RecsysServer.class)
class OperationsIT {

    private final String prefix = "it-ops-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    static JsonNode runJob(Api api, String job) {
        return runJob(api, job, "");
    }

    static JsonNode runJob(Api api, String job, String query) {
        Api.Answer started = api.post("jobs/" + job + "/executions" + query, "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return awaitEnd(api, started.json().path("executionId").asLong());
    }

    static JsonNode awaitEnd(Api api, long executionId) {
        return Poll.until(() -> api.get("jobs/executions/" + executionId).json(), run -> run.hasNonNull("endedAt"),
                Duration.ofMinutes(4), "job execution " + executionId + " to end");
    }

    static JsonNode models(Api api, String kind) {
        return api.get("models?kind=" + kind).json().path("models");
    }

    static String active(JsonNode models) {
        for (JsonNode model : models) {
            if (model.path("status").asText().equals("ACTIVE")) {
                return model.path("version").asText();
            }
        }
        return null;
    }

    @Test
    void retrainingRegistersVersionsAndOperatorsPromoteAndRollBack(Api api) {
        String first = Poll.until(() -> active(models(api, "rating")), v -> v != null, Duration.ofMinutes(3),
                "the first rating model (trained at start-up)");

        JsonNode run = runJob(api, "train-models");

        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("exitStatus").asText()).containsPattern("(PROMOTED|CANDIDATE) rating-")
                .containsPattern("(PROMOTED|CANDIDATE) sentiment-");
        JsonNode ratingModels = models(api, "rating");
        assertThat(ratingModels.size()).isGreaterThanOrEqualTo(2);
        JsonNode newest = ratingModels.get(0);
        assertThat(newest.path("metrics").path("rmse").asDouble()).isBetween(0.1, 4.0);
        assertThat(newest.path("provenance").path("trainer").asText()).startsWith("org.");
        assertThat(newest.path("provenance").path("holdout").asText()).contains("newest");
        assertThat(newest.path("decision").asText()).containsAnyOf("same", "first", "cannot be measured");

        String serving = active(ratingModels);
        String other = serving.equals(newest.path("version").asText()) ? first : newest.path("version").asText();
        JsonNode promoted = api.post("models/" + other + "/promote", "").json();
        assertThat(promoted.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(promoted.path("decision").asText()).contains("operator");
        assertThat(active(models(api, "rating"))).isEqualTo(other);
        Poll.until(() -> predictedBy(api), other::equals, Duration.ofSeconds(10), "serving " + other);

        JsonNode restored = api.post("models/rating/rollback", "").json();
        assertThat(restored.path("version").asText()).isEqualTo(serving);
        assertThat(api.get("models/" + other).json().path("status").asText()).isEqualTo("RETIRED");
        assertThat(api.get("models/" + other).json().path("decision").asText()).contains("rolled back");
        Poll.until(() -> predictedBy(api), serving::equals, Duration.ofSeconds(10), "serving " + serving);
    }

    @Test
    void topNModelsAreTrainedMeasuredOnTheirHoldOutAndRolledBack(Api api) {
        String first = Poll.until(() -> active(models(api, "topn")), v -> v != null, Duration.ofMinutes(3),
                "the first top-N model (trained at start-up)");

        JsonNode run = runJob(api, "train-models");

        assertThat(run.path("exitStatus").asText()).containsPattern("(PROMOTED|CANDIDATE) topn-");
        JsonNode topN = models(api, "topn");
        assertThat(topN.size()).isGreaterThanOrEqualTo(2);
        JsonNode newest = topN.get(0);
        assertThat(newest.path("metrics").path("ndcg10").asDouble()).isBetween(0.0, 1.0);
        assertThat(newest.path("provenance").path("rp3beta").asText()).contains("alpha");
        assertThat(newest.path("provenance").path("knownUserRanking").asText()).isNotBlank();
        String serving = active(topN);
        String other = serving.equals(newest.path("version").asText()) ? first : newest.path("version").asText();
        if (!other.equals(serving)) {
            assertThat(api.post("models/" + other + "/promote", "").json().path("status").asText())
                    .isEqualTo("ACTIVE");
            JsonNode restored = api.post("models/topn/rollback", "").json();
            assertThat(restored.path("version").asText()).isEqualTo(serving);
            assertThat(active(models(api, "topn"))).isEqualTo(serving);
        }
        // Every list is still complete and explained while versions change.
        JsonNode answer = api.get("users/demo-user-003/recommendations?n=10").json();
        assertThat(answer.path("items")).hasSize(10);
    }

    private static String predictedBy(Api api) {
        return api.post("ratings/predict", Map.of("userId", "demo-user-001", "itemId", "demo-guitars-01")).json()
                .path("modelVersion").asText();
    }

    @Test
    void registryErrorsNameWhatIsWrong(Api api) {
        Api.Answer unknown = api.post("models/no-such-version/promote", "");
        Api.Answer badKind = api.post("models/banana/rollback", "");
        Api.Answer badLimit = api.get("models?limit=0");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");
        assertThat(badLimit.status()).isEqualTo(400);
    }

    @Test
    void cleanDataCleansRemovesFlagsAndReportsAndASecondRunFindsNothing(Api api) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(1));
        String reviewer = prefix + "reviewer";
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(Map.of("userId", reviewer, "itemId", "demo-guitars-02", "type", "REVIEW", "value", 5,
                "text", "<p>Great&nbsp;tone &amp; <b>sustain</b></p>\u0007", "occurredAt", minute.toString()));
        Map<String, Object> twice = Map.of("userId", reviewer, "itemId", "demo-guitars-03", "type", "RATING",
                "value", 4, "occurredAt", minute.toString());
        events.add(twice);
        events.add(twice);
        for (int u = 0; u < 3; u++) {
            events.add(Map.of("userId", prefix + "copier-" + u, "itemId", "demo-cables-0" + (u + 1),
                    "type", "REVIEW", "text", "Visit cheap-gear.example for the best deals on cables now",
                    "occurredAt", minute.toString()));
        }
        for (int e = 0; e < 70; e++) {
            events.add(Map.of("userId", prefix + "bot", "itemId", String.format("demo-books-%02d", e % 40 + 1),
                    "type", "CLICK", "occurredAt", minute.plusMillis(e * 500L).toString()));
        }
        assertThat(api.post("feedback/batch", Map.of("events", events)).status()).isEqualTo(200);

        JsonNode run = runJob(api, "clean-data");
        JsonNode report = api.get("jobs/clean-data/reports/latest").json();

        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("executionId").asLong()).isEqualTo(run.path("executionId").asLong());
        assertThat(rule(report, "html-and-control-characters").path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rule(report, "exact-duplicate").path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rule(report, "copied-text").path("count").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(rule(report, "burst").path("count").asLong()).isGreaterThanOrEqualTo(70);
        assertThat(rule(report, "burst").path("examples").toString()).contains(prefix + "bot");
        JsonNode mine = api.get("users/" + reviewer + "/feedback").json().path("items");
        assertThat(mine).hasSize(2);
        assertThat(mine.findValuesAsText("text")).contains("Great tone & sustain");

        runJob(api, "clean-data");
        JsonNode again = api.get("jobs/clean-data/reports/latest").json();
        for (String rule : List.of("html-and-control-characters", "exact-duplicate", "stars-out-of-range", "burst",
                "copied-text")) {
            assertThat(rule(again, rule).path("count").asLong()).as(rule).isZero();
        }
        assertThat(rule(again, "burst").path("total").asLong()).isGreaterThanOrEqualTo(70);
    }

    private static JsonNode rule(JsonNode report, String name) {
        for (JsonNode rule : report.path("rules")) {
            if (rule.path("rule").asText().equals(name)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + name + " in " + report);
    }

    @Test
    void evaluationEmbeddingAndInterestJobsRunWithProgressAndReports(Api api) {
        Poll.until(() -> active(models(api, "rating")), v -> v != null, Duration.ofMinutes(3), "a rating model");

        JsonNode evaluated = runJob(api, "evaluate");
        JsonNode report = api.get("jobs/evaluate/reports/latest").json();
        JsonNode embedded = runJob(api, "embed-backfill");
        JsonNode clustered = runJob(api, "cluster-interests");

        assertThat(evaluated.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("rating").path("rmse").asDouble()).isPositive();
        assertThat(report.path("rating").path("baselineRmse").asDouble()).isPositive();
        assertThat(report.path("rating").path("version").asText()).startsWith("rating-");
        assertThat(embedded.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(clustered.path("status").asText()).isEqualTo("COMPLETED");
        // Incremental: a second run looks only at users changed since the first started; scope=all at every user.
        String fan = prefix + "fan";
        assertThat(api.put("users/" + fan, Map.of("preferenceText", "jazz guitar method books")).status())
                .isIn(200, 201);
        assertThat(api.post("feedback", Map.of("userId", fan, "itemId", "demo-books-01", "type", "LIKE")).status())
                .isEqualTo(201);
        JsonNode changed = runJob(api, "cluster-interests");
        JsonNode everyone = runJob(api, "cluster-interests", "?scope=all");
        assertThat(everyone.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(everyone.path("done").asLong()).isGreaterThanOrEqualTo(120);
        assertThat(changed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(changed.path("done").asLong()).isBetween(1L, everyone.path("done").asLong() / 2);
        Api.Answer wrongJob = api.post("jobs/evaluate/executions?scope=all", "");
        Api.Answer wrongScope = api.post("jobs/cluster-interests/executions?scope=some", "");
        assertThat(wrongJob.status()).isEqualTo(400);
        assertThat(wrongJob.body()).contains("scope");
        assertThat(wrongScope.status()).isEqualTo(400);
        assertThat(wrongScope.body()).contains("all or changed");
        api.delete("users/" + fan);
        assertThat(api.get("jobs").json().path("jobs").findValuesAsText("name"))
                .contains("clean-data", "embed-backfill", "train-models", "cluster-interests", "evaluate");
    }

    @Test
    void schedulesAreValidatedAndStartTheirJob(Api api) {
        Api.Answer notCron = api.put("jobs/evaluate/schedule", Map.of("cron", "every night", "enabled", true));
        Api.Answer importJob = api.put("jobs/import-movielens/schedule", Map.of("cron", "0 3 * * *",
                "enabled", true));
        Api.Answer unknown = api.put("jobs/no-such-job/schedule", Map.of("cron", "0 3 * * *", "enabled", true));
        assertThat(notCron.status()).isEqualTo(400);
        assertThat(notCron.json().path("errors").get(0).path("field").asText()).isEqualTo("cron");
        assertThat(importJob.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);

        JsonNode everyFiveSeconds = api.put("jobs/evaluate/schedule", Map.of("cron", "*/5 * * * * *", "enabled", true))
                .json();
        assertThat(everyFiveSeconds.path("nextRun").asText()).isNotEmpty();
        JsonNode ran = Poll.until(() -> api.get("jobs/evaluate/schedule").json(),
                s -> s.hasNonNull("lastExecutionId"), Duration.ofSeconds(30), "the schedule to start evaluate");
        JsonNode off = api.put("jobs/evaluate/schedule", Map.of("cron", "0 3 * * *", "enabled", false)).json();

        assertThat(off.path("enabled").asBoolean()).isFalse();
        assertThat(awaitEnd(api, ran.path("lastExecutionId").asLong()).path("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void jobControlErrorsAreProblems(Api api) {
        Api.Answer unknownJob = api.post("jobs/no-such-job/executions", "");
        Api.Answer importJob = api.post("jobs/import-movielens/executions", "");
        Api.Answer notANumber = api.get("jobs/executions/abc");
        Api.Answer unknownExecution = api.get("jobs/executions/987654321");
        long done = runJob(api, "evaluate").path("executionId").asLong();
        Api.Answer stopDone = api.post("jobs/executions/" + done + "/stop", "");
        Api.Answer restartDone = api.post("jobs/executions/" + done + "/restart", "");

        assertThat(unknownJob.status()).isEqualTo(404);
        assertThat(importJob.status()).isEqualTo(400);
        assertThat(importJob.json().path("detail").asText() + importJob.body()).contains("imports");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(unknownExecution.status()).isEqualTo(404);
        assertThat(stopDone.status()).isEqualTo(409);
        assertThat(restartDone.status()).isEqualTo(409);
        assertThat(restartDone.contentType()).startsWith("application/problem+json");
    }
}
