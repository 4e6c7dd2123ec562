package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.Imports;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;

@ExtendWith(RecsysServer.class)
class DatasetImportIT {

    private static Path dataset(String folder) {
        return RecsysServer.dataset(folder);
    }

    @Test
    void movieLensImportStoppedMidwayRestartsFromItsCheckpointAndAgainChangesNothing(Api api) {
        Path movieLens = dataset("movielens-100k");

        Api.Answer started = api.post("imports", Map.of("format", "movielens-100k", "path", movieLens.toString()));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().path("id").asText();
        JsonNode midway = Poll.until(() -> api.get("imports/" + id).json(),
                s -> s.path("rowsStored").asLong() > 5_000, Duration.ofMinutes(2), "the import to be under way");
        long execution = midway.path("jobExecutionId").asLong();
        Api.Answer stop = api.post("jobs/executions/" + execution + "/stop", "");
        assertThat(stop.status()).as("%s, import %s", stop, api.get("imports/" + id).json()).isEqualTo(202);
        JsonNode stopped = Poll.until(() -> api.get("imports/" + id).json(), s -> s.hasNonNull("endedAt"),
                Duration.ofMinutes(2), "the import to stop");
        Api.Answer restarted = api.post("jobs/executions/" + execution + "/restart", "");
        JsonNode first = Poll.until(() -> api.get("imports/" + id).json(),
                s -> s.path("jobExecutionId").asLong() != execution && s.hasNonNull("endedAt"),
                Duration.ofMinutes(5), "the restarted import to end");
        JsonNode again = Imports.runToEnd(api, "movielens-100k", movieLens);

        assertThat(stopped.path("state").asText()).isEqualTo("STOPPED");
        assertThat(stopped.path("rowsStored").asLong()).isLessThan(102_625);
        assertThat(restarted.status()).as(restarted.toString()).isEqualTo(202);
        assertThat(restarted.json().path("instanceId").asLong())
                .isEqualTo(api.get("jobs/executions/" + execution).json().path("instanceId").asLong());

        assertThat(first.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(first.path("rowsRead").asLong()).isEqualTo(1_682 + 943 + 100_000);
        assertThat(first.path("rowsStored").asLong()).isEqualTo(1_682 + 943 + 100_000);
        assertThat(first.path("rowsRejected").asLong()).isZero();
        assertThat(first.path("rowsUnchanged").asLong()).as("nothing written twice").isZero();
        assertThat(again.path("rowsStored").asLong()).isZero();
        assertThat(again.path("rowsUnchanged").asLong()).isEqualTo(102_625);

        assertThat(api.get("items/1").json().path("title").asText()).isEqualTo("Toy Story (1995)");
        assertThat(api.get("items/1").json().path("categories").toString()).contains("Animation", "Comedy");
        assertThat(api.get("users/196").json().path("attributes").path("occupation").asText()).isEqualTo("writer");
        JsonNode ratings = api.get("users/196/feedback?limit=1000").json().path("items");
        assertThat(ratings).hasSize(39);
        assertThat(ratings.findValuesAsText("type")).containsOnly("RATING");
    }

    @Test
    void amazonReviewsImportWithUsersItemsAndTexts(Api api) {
        Path amazon = dataset("amazon-musical-instruments-5core");

        JsonNode first = Imports.runToEnd(api, "amazon-reviews", amazon);

        assertThat(first.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(first.path("rowsRead").asLong()).isEqualTo(10_261);
        assertThat(first.path("rowsStored").asLong()).isEqualTo(10_261);
        JsonNode reviews = api.get("users/A2IBPI20UZIR0U/feedback?limit=100").json().path("items");
        assertThat(reviews.size()).isGreaterThanOrEqualTo(5);
        assertThat(reviews.findValuesAsText("type")).contains("REVIEW");
        assertThat(api.get("items/1384719342").status()).isEqualTo(200);
        assertThat(Imports.runToEnd(api, "amazon-reviews", amazon).path("rowsStored").asLong()).isZero();
    }

    @Test
    void malformedDuplicateAnd2018LinesAreCountedAndExplained(Api api) throws IOException {
        Path file = RecsysServer.importDirectory().resolve("reviews-2018-sample.json");
        Files.writeString(file, String.join("\n",
                "{\"overall\": 5.0, \"vote\": \"1,341\", \"verified\": true, \"reviewTime\": \"01 2, 2018\", "
                        + "\"reviewerID\": \"R2018A\", \"asin\": \"P2018A\", \"style\": {\"Size:\": \" Large\"}, "
                        + "\"reviewerName\": \"Ann\", \"reviewText\": \"Great strings\", \"summary\": \"Great\", "
                        + "\"unixReviewTime\": 1514851200}",
                "{\"overall\": 5.0, \"vote\": \"1,341\", \"verified\": true, \"reviewerID\": \"R2018A\", "
                        + "\"asin\": \"P2018A\", \"reviewText\": \"Great strings\", \"summary\": \"Great\", "
                        + "\"unixReviewTime\": 1514851200}",
                "{\"overall\": 4.0, \"reviewerID\": \"R2018B\", \"asin\": \"P2018A\", \"unixReviewTime\": 1514851300}",
                "this is not json",
                "{\"overall\": 9.0, \"reviewerID\": \"R2018C\", \"asin\": \"P2018A\"}",
                ""));

        JsonNode status = Imports.runToEnd(api, "amazon-reviews", file);

        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("rowsRead").asLong()).isEqualTo(5);
        assertThat(status.path("rowsStored").asLong()).isEqualTo(2);
        assertThat(status.path("rowsRejected").asLong()).isEqualTo(3);
        JsonNode rejected = status.path("rejectedLines");
        assertThat(rejected.findValuesAsText("line")).containsExactly("2", "4", "5");
        assertThat(rejected.get(0).path("reason").asText()).contains("duplicate");
        assertThat(rejected.get(1).path("content").asText()).isEqualTo("this is not json");
        assertThat(rejected.findValuesAsText("file")).containsOnly("reviews-2018-sample.json");
        assertThat(api.get("users/R2018B/feedback").json().path("items").get(0).path("type").asText())
                .isEqualTo("RATING");
        assertThat(api.get("users/R2018A/feedback").json().path("items").get(0).path("text").asText())
                .isEqualTo("Great. Great strings");
    }

    @Test
    void badRequestsNameTheFieldAndStartNothing(Api api) {
        Api.Answer unknownFormat = api.post("imports", Map.of("format", "netflix", "path", "/tmp"));
        Api.Answer outside = api.post("imports", Map.of("format", "amazon-reviews", "path", "/etc/passwd"));
        Api.Answer outsideMissing = api.post("imports", Map.of("format", "amazon-reviews",
                "path", "/etc/no-such-file-here"));
        Api.Answer relativeEscape = api.post("imports", Map.of("format", "amazon-reviews",
                "path", "../../etc/passwd"));
        Api.Answer missing = api.post("imports", Map.of("format", "amazon-reviews",
                "path", RecsysServer.importDirectory().resolve("nothing-here.json").toString()));
        Api.Answer wrongLayout = api.post("imports", Map.of("format", "movielens-100k",
                "path", RecsysServer.importDirectory().toString()));
        Api.Answer unknownImport = api.get("imports/987654");

        assertThat(unknownFormat.json().path("errors").get(0).path("field").asText()).isEqualTo("format");
        assertThat(outside.status()).isEqualTo(400);
        String outsideMessage = outside.json().path("errors").get(0).path("message").asText();
        assertThat(outsideMessage).contains("not inside a folder that imports may read")
                .doesNotContain(RecsysServer.importDirectory().toString());
        assertThat(outsideMissing.status()).isEqualTo(400);
        assertThat(outsideMissing.json().path("errors").get(0).path("message").asText())
                .as("the same answer whether or not the file exists")
                .isEqualTo(outsideMessage.replace("/etc/passwd", "/etc/no-such-file-here"));
        assertThat(relativeEscape.status()).isEqualTo(400);
        assertThat(relativeEscape.body()).contains("not inside a folder").doesNotContain(System.getProperty("user.dir"));
        assertThat(missing.json().path("errors").get(0).path("message").asText()).contains("no file");
        assertThat(wrongLayout.json().path("errors").get(0).path("message").asText()).contains("u.data");
        assertThat(unknownImport.status()).isEqualTo(404);
    }
}
