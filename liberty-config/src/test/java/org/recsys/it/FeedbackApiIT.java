package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.RecsysServer;

@ExtendWith(RecsysServer.class)
class FeedbackApiIT {

    private final String prefix = "it-fb-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    private Map<String, Object> event(String user, String item, String type, Object value, String key) {
        Map<String, Object> event = new HashMap<>();
        event.put("userId", user);
        event.put("itemId", item);
        event.put("type", type);
        if (value != null) {
            event.put("value", value);
        }
        if (key != null) {
            event.put("idempotencyKey", key);
        }
        return event;
    }

    @Test
    void aDeclaredLengthBeyondTheLimitIsA413AndStoresNothing(Api api) {
        String body = "{\"userId\": \"" + prefix + "len\", \"itemId\": \"demo-guitars-02\", \"type\": \"LIKE\", "
                + "\"idempotencyKey\": \"" + prefix + "len\"}";
        // Beyond 2 GiB: the servlet API's int length is -1 there, so only the header tells.
        Api.Answer huge = api.raw("POST", "feedback", List.of("Content-Type: application/json",
                "Content-Length: 3000000000"), body);
        Api.Answer listed = api.raw("POST", "feedback", List.of("Content-Type: application/json",
                "Content-Length: " + body.length() + ", 3"), body);

        assertThat(huge.status()).as(huge.toString()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(huge.body()).doesNotContain("at org.", "at com.ibm");
        assertThat(listed.status()).as(listed.toString()).isIn(400, 413);
        assertThat(api.get("users/" + prefix + "len/feedback").status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void repeatedIdempotencyKeyStoresNothingTheSecondTime(Api api) {
        Map<String, Object> rating = event(prefix + "u", "demo-guitars-02", "RATING", 4, prefix + "k1");

        Api.Answer first = api.post("feedback", rating);
        Api.Answer second = api.post("feedback", rating);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("usersCreated").asInt()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("duplicates").asInt()).isEqualTo(1);
        JsonNode stored = api.get("users/" + prefix + "u/feedback").json().path("items");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("value").asDouble()).isEqualTo(4.0);
    }

    @Test
    void anIdempotencyKeyNamesOneEventOfOneUser(Api api) {
        String key = prefix + "shared-key";
        Api.Answer first = api.post("feedback", event(prefix + "ann", "demo-guitars-02", "RATING", 4, key));
        Api.Answer otherUser = api.post("feedback", event(prefix + "bob", "demo-guitars-02", "RATING", 2, key));
        Api.Answer changedBody = api.post("feedback", event(prefix + "ann", "demo-guitars-02", "RATING", 1, key));
        Api.Answer changedInBatch = api.post("feedback/batch", Map.of("events", List.of(
                event(prefix + "cy", "demo-guitars-03", "LIKE", null, prefix + "cy-1"),
                event(prefix + "ann", "demo-guitars-03", "LIKE", null, key))));

        assertThat(first.status()).isEqualTo(201);
        assertThat(otherUser.status()).as("another user's event with the same key is stored").isEqualTo(201);
        assertThat(changedBody.status()).as(changedBody.toString()).isEqualTo(409);
        assertThat(changedBody.contentType()).startsWith("application/problem+json");
        assertThat(changedBody.json().path("detail").asText()).contains("different event");
        assertThat(changedInBatch.status()).isEqualTo(409);
        assertThat(changedInBatch.json().path("detail").asText()).contains("events[1]");
        JsonNode ann = api.get("users/" + prefix + "ann/feedback").json().path("items");
        JsonNode bob = api.get("users/" + prefix + "bob/feedback").json().path("items");
        assertThat(ann).hasSize(1);
        assertThat(ann.get(0).path("value").asDouble()).as("the first event kept").isEqualTo(4.0);
        assertThat(bob).hasSize(1);
        assertThat(bob.get(0).path("value").asDouble()).isEqualTo(2.0);
        assertThat(api.get("users/" + prefix + "cy/feedback").status()).as("nothing of the batch stored")
                .isEqualTo(404);
    }

    @Test
    void anIdempotencyKeyBelongsToTheApiKeyThatSentIt(RecsysServer.Running server, Api api) {
        Map<String, String> demo = org.recsys.it.support.ConsoleSession.demoCredentials(server.server());
        Api otherPartner = api.withKey(org.recsys.it.support.ConsoleSession.signedIn(server.server().baseUri(),
                demo.get("user"), demo.get("password")).createKey(prefix + "second-partner", "WRITE"));
        String key = prefix + "order-1";

        Api.Answer first = api.post("feedback", event(prefix + "dee", "demo-guitars-02", "PURCHASE", null, key));
        Api.Answer otherSender = otherPartner.post("feedback", event(prefix + "dee", "demo-guitars-03", "LIKE", null,
                key));
        Api.Answer otherSenderAgain = otherPartner.post("feedback", event(prefix + "dee", "demo-guitars-03", "LIKE",
                null, key));
        Api.Answer firstAgain = api.post("feedback", event(prefix + "dee", "demo-guitars-02", "PURCHASE", null, key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(otherSender.status()).as("another API key's event under the same key is stored: " + otherSender)
                .isEqualTo(201);
        assertThat(otherSenderAgain.status()).as("its retry is a retry").isEqualTo(200);
        assertThat(firstAgain.status()).isEqualTo(200);
        assertThat(api.get("users/" + prefix + "dee/feedback").json().path("items").findValuesAsText("type"))
                .containsExactlyInAnyOrder("PURCHASE", "LIKE");
    }

    @Test
    void anEmptyIdempotencyKeyIsRefusedNotTakenAsAKey(Api api) {
        Api.Answer answer = api.post("feedback", event(prefix + "empty-key", "demo-guitars-02", "CLICK", null, ""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field")).contains("idempotencyKey");
        assertThat(api.get("users/" + prefix + "empty-key").status()).isEqualTo(404);
    }

    @Test
    void batchNamesEveryBadEventByIndexAndStoresNothing(Api api) {
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(event(prefix + "v", "demo-guitars-03", "CLICK", null, prefix + "ok"));
        events.add(event(prefix + "v", "demo-guitars-03", "RATING", 9, null));
        events.add(event(prefix + "v", "no-such-item", "LIKE", null, null));
        events.add(event(prefix + "v", "demo-guitars-03", "REVIEW", 5, null));
        events.add(event(prefix + "v", "demo-guitars-03", "RATING", null, null));

        Api.Answer answer = api.post("feedback/batch", Map.of("events", events));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly(
                "events[1].value", "events[2].itemId", "events[3].text", "events[4].value");
        assertThat(api.get("users/" + prefix + "v").status()).isEqualTo(404);
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAreNamed(Api api) {
        Api.Answer answer = api.post("feedback/batch", "{\"events\": ["
                + "{\"userId\": \"a\", \"itemId\": \"demo-guitars-01\", \"type\": \"CLICK\"},"
                + "{\"userId\": \"a\", \"itemId\": \"demo-guitars-01\", \"type\": \"SWIPE\"},"
                + "{\"userId\": \"a\", \"itemId\": \"demo-guitars-01\", \"type\": \"RATING\", \"value\": \"five\"},"
                + "{\"userId\": \"a\", \"itemId\": \"demo-guitars-01\", \"type\": \"CLICK\", \"occurredAt\": \"yesterday\"},"
                + "{\"userId\": \"a\", \"itemId\": \"demo-guitars-01\", \"type\": \"CLICK\", \"colour\": \"red\"}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly(
                "events[1].type", "events[2].value", "events[3].occurredAt", "events[4].colour");
        assertThat(answer.json().path("errors").get(0).path("message").asText()).contains("SWIPE", "RATING");
    }

    @Test
    void everyKindOfErrorOfABatchComesInOneAnswer(Api api) {
        // A wrong type, a missing field, an unknown item and a rating without stars: before, each came only after
        // the one before it was fixed.
        Api.Answer answer = api.post("feedback/batch", "{\"events\": ["
                + "{\"userId\": \"" + prefix + "all\", \"itemId\": \"demo-guitars-01\", \"type\": \"CLICK\", "
                + "\"occurredAt\": 5},"
                + "{\"itemId\": \"demo-guitars-01\", \"type\": \"CLICK\"},"
                + "{\"userId\": \"" + prefix + "all\", \"itemId\": \"no-such-item\", \"type\": \"LIKE\"},"
                + "{\"userId\": \"" + prefix + "all\", \"itemId\": \"demo-guitars-01\", \"type\": \"RATING\"}]}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field")).containsExactly(
                "events[0].occurredAt", "events[1].userId", "events[2].itemId", "events[3].value");
        assertThat(api.get("users/" + prefix + "all").status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void tooManyEventsAndTooLargeBodiesAreRefused(Api api) {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            many.add(event(prefix + "w", "demo-guitars-01", "VIEW", null, null));
        }
        Api.Answer tooMany = api.post("feedback/batch", Map.of("events", many));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").get(0).path("field").asText()).isEqualTo("events");

        String oneEvent = "{\"userId\": \"x\", \"itemId\": \"y\", \"type\": \"VIEW\", \"text\": \""
                + "a".repeat(9_000) + "\"},";
        String huge = "{\"events\": [" + oneEvent.repeat(3_800) + "{}]}";
        Api.Answer tooLarge = api.post("feedback/batch", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    }

    @Test
    void sameBatchSentTwiceAtOnceIsStoredOnce(Api api) throws Exception {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(event(prefix + "c" + (i % 20), "demo-keyboards-" + String.format("%02d", 1 + i % 40),
                    "CLICK", null, prefix + "concurrent-" + i));
        }
        String body = Api.write(Map.of("events", events));
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Api.Answer>> sends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sends.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return api.post("feedback/batch", body);
            }));
        }
        List<Api.Answer> answers = sends.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        int stored = answers.stream().mapToInt(a -> a.json().path("stored").asInt()).sum();
        int duplicates = answers.stream().mapToInt(a -> a.json().path("duplicates").asInt()).sum();
        assertThat(stored).isEqualTo(2_000);
        assertThat(duplicates).isEqualTo(2_000);
        int total = 0;
        for (int u = 0; u < 20; u++) {
            total += api.get("users/" + prefix + "c" + u + "/feedback?limit=1000").json().path("items").size();
        }
        assertThat(total).isEqualTo(2_000);
    }

    @Test
    void feedbackPagesNewestFirst(Api api) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> e = event(prefix + "p", "demo-drums-01", "VIEW", null, null);
            e.put("occurredAt", "2026-03-0" + (i + 1) + "T10:00:00Z");
            events.add(e);
        }
        api.post("feedback/batch", Map.of("events", events));

        JsonNode first = api.get("users/" + prefix + "p/feedback?limit=2").json();
        JsonNode second = api.get("users/" + prefix + "p/feedback?limit=2&cursor="
                + first.path("nextCursor").asText()).json();

        assertThat(first.path("items").findValuesAsText("occurredAt"))
                .containsExactly("2026-03-05T10:00:00Z", "2026-03-04T10:00:00Z");
        assertThat(second.path("items").findValuesAsText("occurredAt"))
                .containsExactly("2026-03-03T10:00:00Z", "2026-03-02T10:00:00Z");
    }
}
