package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.RecsysServer;

@ExtendWith(RecsysServer.class)
class UserApiIT {

    private final String prefix = "it-user-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void putCreatesThenReplacesAndRepeatingChangesNothing(Api api) {
        String id = prefix + "1";
        Map<String, Object> body = Map.of("attributes", Map.of("country", "DE"), "preferenceText", "jazz guitar");

        Api.Answer created = api.put("users/" + id, body);
        Api.Answer repeated = api.put("users/" + id, body);
        Api.Answer replaced = api.put("users/" + id, Map.of("preferenceText", "drums"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().path("updatedAt")).isEqualTo(created.json().path("updatedAt"));
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode read = api.get("users/" + id).json();
        assertThat(read.path("preferenceText").asText()).isEqualTo("drums");
        assertThat(read.path("attributes").isMissingNode() || read.path("attributes").isEmpty()).isTrue();
        assertThat(read.path("source").asText()).isEqualTo("api");
    }

    @Test
    void aPathWithMatrixParametersActsOnNoRecord(Api api) {
        String kept = prefix + "kept";
        assertThat(api.put("users/" + kept, Map.of("preferenceText", "jazz")).status()).isEqualTo(201);

        Api.Answer put = api.put("users/" + prefix + "adv-a;b", Map.of("preferenceText", "x"));
        Api.Answer delete = api.delete("users/" + kept + ";y=1");

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.contentType()).startsWith("application/problem+json");
        assertThat(put.json().path("errors").get(0).path("field").asText()).isEqualTo("path");
        assertThat(api.get("users/" + prefix + "adv-a").status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(400);
        assertThat(api.get("users/" + kept).status()).isEqualTo(200);
    }

    @Test
    void unknownUserIs404Problem(Api api) {
        Api.Answer answer = api.get("users/" + prefix + "nobody");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains(prefix + "nobody");
        assertThat(api.delete("users/" + prefix + "nobody").status()).isEqualTo(404);
    }

    @Test
    void deleteErasesTheUserAndTheirFeedback(Api api) {
        String id = prefix + "erase";
        api.put("users/" + id, Map.of("preferenceText", "private words"));
        Api.Answer stored = api.post("feedback", Map.of("userId", id, "itemId", "demo-guitars-01", "type", "REVIEW",
                "text", "my private review", "value", 4));
        assertThat(stored.status()).isEqualTo(201);

        Api.Answer erased = api.delete("users/" + id);
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().path("feedbackEvents").asInt()).isEqualTo(1);
        assertThat(erased.json().path("modelsToPurge").asBoolean()).as("a review with stars").isTrue();

        assertThat(api.get("users/" + id).status()).isEqualTo(404);
        assertThat(api.get("users/" + id + "/feedback").status()).isEqualTo(404);
        assertThat(api.get("items/demo-guitars-01").status()).isEqualTo(200);
    }

    @Test
    void listWalksEveryUserOnceInIdOrder(Api api) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            users.add(Map.of("id", prefix + "page-" + i));
        }
        assertThat(api.post("users/batch", Map.of("users", users)).status()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("users?limit=40" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(u -> seen.add(u.path("id").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 1000);

        Set<String> distinct = new HashSet<>(seen);
        assertThat(distinct).hasSameSizeAs(seen);
        assertThat(seen).isSorted();
        assertThat(seen).contains(prefix + "page-0", prefix + "page-6");
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void fourClientsErasingTheSameUserAtOnceEraseItOnceAndGetNoServerError(Api api) {
        String id = prefix + "erase-race";
        api.put("users/" + id, Map.of("preferenceText", "drums"));
        for (int n = 1; n <= 5; n++) {
            api.post("feedback", Map.of("userId", id, "itemId", String.format("demo-drums-%02d", n), "type", "LIKE"));
        }
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
        List<java.util.concurrent.CompletableFuture<Api.Answer>> erasing = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            erasing.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return api.delete("users/" + id);
            }));
        }
        List<Integer> statuses = erasing.stream().map(java.util.concurrent.CompletableFuture::join)
                .map(Api.Answer::status).toList();

        // One erasure wins; the others find the user gone (404) or lost the race and may send again (409).
        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).allMatch(s -> s == 200 || s == 404
                || s == 409);
        assertThat(api.get("users/" + id).status()).isEqualTo(404);
        assertThat(api.delete("users/" + id).status()).isEqualTo(404);
    }

    @Test
    void theSameBatchSentByFourClientsAtOnceIsStoredOnceAndNeverA500(Api api) {
        for (String kind : List.of("users", "items")) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                records.add(kind.equals("users") ? Map.of("id", prefix + "race-u" + i, "preferenceText", "jazz")
                        : Map.of("id", prefix + "race-i" + i, "title", "Race item " + i));
            }
            String body = Api.write(Map.of(kind, records));
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
            List<java.util.concurrent.CompletableFuture<Api.Answer>> sends = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                sends.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return api.post(kind + "/batch", body);
                }));
            }
            List<Api.Answer> answers = sends.stream().map(java.util.concurrent.CompletableFuture::join).toList();

            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(kind + ": " + a).isEqualTo(200));
            String sample = kind.equals("users") ? prefix + "race-u299" : prefix + "race-i299";
            assertThat(api.get(kind + "/" + sample).status()).isEqualTo(200);
        }
    }

    @Test
    void batchIsValidatedWholeInOneAnswerAndStoresNothingWhenAnyElementIsBad(Api api) {
        // A wrong type, a bad id, a missing id and a repeated id: all named at once, not one kind per attempt.
        Api.Answer answer = api.post("users/batch", "{\"users\": [{\"id\": \"" + prefix + "ok\"}, {\"id\": \"bad id\"},"
                + " {\"preferenceText\": \"no id\"}, {\"id\": \"" + prefix + "ok2\", \"attributes\": {\"k\": 5}},"
                + " {\"id\": \"" + prefix + "ok\"}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").findValuesAsText("field"))
                .containsExactly("users[1].id", "users[2].id", "users[3].attributes.k", "users[4].id");
        assertThat(api.get("users/" + prefix + "ok").status()).isEqualTo(404);
        assertThat(api.get("users/" + prefix + "ok2").status()).isEqualTo(404);
    }

    @Test
    void repeatedIdsInOneBatchAreNamed(Api api) {
        Api.Answer answer = api.post("users/batch", Map.of("users",
                List.of(Map.of("id", prefix + "twice"), Map.of("id", prefix + "other"), Map.of("id", prefix + "twice"))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("users[2].id");
    }

    @Test
    void badInputNamesTheField(Api api) {
        Api.Answer unknownField = api.put("users/" + prefix + "x", "{\"prefrenceText\": \"typo\"}");
        Api.Answer wrongType = api.put("users/" + prefix + "x", "{\"preferenceText\": 42}");
        Api.Answer malformed = api.put("users/" + prefix + "x", "{\"preferenceText\": ");
        Api.Answer badId = api.put("users/bad%20id", "{}");
        Api.Answer badLimit = api.get("users?limit=abc");
        Api.Answer badCursor = api.get("users?cursor=%21%21%21");
        Api.Answer mismatch = api.put("users/" + prefix + "x", "{\"id\": \"someone-else\"}");

        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("errors").get(0).path("field").asText()).isEqualTo("prefrenceText");
        assertThat(wrongType.json().path("errors").get(0).path("field").asText()).isEqualTo("preferenceText");
        assertThat(wrongType.json().path("errors").get(0).path("message").asText()).contains("expected a string");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("message").asText()).contains("not valid JSON");
        assertThat(badId.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
        assertThat(badLimit.json().path("errors").get(0).path("field").asText()).isEqualTo("limit");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(mismatch.json().path("errors").get(0).path("field").asText()).isEqualTo("id");
        for (Api.Answer answer : List.of(unknownField, wrongType, malformed, badId, badLimit, badCursor, mismatch)) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("Exception", "at org.", "at java.");
        }
        assertThat(api.get("users/" + prefix + "x").status()).isEqualTo(404);
    }
}
