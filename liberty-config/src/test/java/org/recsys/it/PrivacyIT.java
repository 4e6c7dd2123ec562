package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.ConsoleSession;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;

/** The right of access (export), erasure that leaves nothing behind, and retention, on a running server. */
@ExtendWith(RecsysServer.class)
class PrivacyIT {

    private final String prefix = "it-priv-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    /** A user with a preference text, a like, a review and one recommendation list shown; returns that list's id. */
    private static String userWithHistory(Api api, String user, String preference, String review) {
        assertThat(api.put("users/" + user, Map.of("preferenceText", preference,
                "attributes", Map.of("country", "FR"))).status()).isEqualTo(201);
        assertThat(api.post("feedback", Map.of("userId", user, "itemId", "demo-keyboards-01", "type", "LIKE"))
                .status()).isEqualTo(201);
        assertThat(api.post("feedback", Map.of("userId", user, "itemId", "demo-keyboards-02", "type", "REVIEW",
                "value", 5, "text", review)).status()).isEqualTo(201);
        JsonNode shown = api.get("users/" + user + "/recommendations?n=5").json();
        assertThat(shown.path("items")).hasSize(5);
        return shown.path("recommendationId").asText();
    }

    /** The user's export once {@code lists} recommendation lists are logged (the log writes every 200 ms). */
    private static JsonNode exportWithImpressions(Api api, String user, int lists) {
        return Poll.until(() -> api.get("users/" + user + "/export").json(),
                export -> export.path("impressions").size() >= lists, Duration.ofSeconds(10),
                lists + " logged lists of " + user);
    }

    @Test
    void anOperatorExportsEverythingHeldAboutAUser(RecsysServer.Running server) throws SQLException {
        Api api = server.api();
        String user = prefix + "exported";
        String review = "Exported review " + prefix + ": the keys feel like a real piano";
        String shown = userWithHistory(api, user, "vintage synthesizers and drum machines", review);

        Api.Answer answer = api.get("users/" + user + "/export");
        JsonNode export = exportWithImpressions(api, user, 1);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(export.path("user").path("id").asText()).isEqualTo(user);
        assertThat(export.path("user").path("preferenceText").asText()).contains("vintage synthesizers");
        assertThat(export.path("user").path("attributes").path("country").asText()).isEqualTo("FR");
        assertThat(export.path("feedback").findValuesAsText("type")).containsExactlyInAnyOrder("LIKE", "REVIEW");
        assertThat(export.path("feedback").findValuesAsText("text")).contains(review);
        assertThat(export.path("impressions").findValuesAsText("recommendationId")).contains(shown);
        assertThat(export.path("impressions").get(0).path("itemIds")).hasSize(5);
        assertThat(export.path("profile").path("events").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(export.path("profile").path("liked").toString()).contains("demo-keyboards-01");
        assertThat(export.path("profile").path("vector")).hasSize(384);
        if (OperationsIT.active(OperationsIT.models(api, "rating")) != null) {
            assertThat(export.path("predictedStars").findValuesAsText("itemId"))
                    .containsExactlyInAnyOrder("demo-keyboards-01", "demo-keyboards-02");
            assertThat(export.path("predictedStars").get(0).path("stars").asDouble()).isBetween(0.5, 5.0);
        }
        // Every table that names the user has its part in the export.
        Map<String, String> partOf = Map.of("app_user", "user", "feedback_event", "feedback", "impression",
                "impressions", "user_profile", "profile", "job_report", "reportExamples");
        for (String column : hits(server, List.of(user))) {
            String table = column.substring(0, column.indexOf('.')).toLowerCase(java.util.Locale.ROOT);
            assertThat(partOf).as("a table naming the user: " + column).containsKey(table);
            assertThat(export.path(partOf.get(table)).isEmpty()).as(column + " in the export").isFalse();
        }
        // Reads only: asking again shows the same history, and no new list was logged.
        assertThat(api.get("users/" + user + "/export").json().path("impressions")).hasSize(1);

        Map<String, String> demo = ConsoleSession.demoCredentials(server.server());
        Api partner = api.withKey(ConsoleSession.signedIn(server.server().baseUri(), demo.get("user"),
                demo.get("password")).createKey(prefix + "partner", "WRITE"));
        assertThat(partner.get("users/" + user + "/export").status()).isEqualTo(403);
        Api.Answer unknown = api.get("users/" + prefix + "nobody/export");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void erasureLeavesNothingOfTheUserInAnyTable(RecsysServer.Running server) throws SQLException {
        Api api = server.api();
        String user = prefix + "erased";
        String preference = "Erased preference " + prefix + " theremin and modular synths";
        String review = "Erased review " + prefix + ": my neighbours hate it";
        userWithHistory(api, user, preference, review);
        // An item without a description is embedded from its reviews; a twin with the same title has none.
        String reviewedOnly = prefix + "snare";
        String twin = prefix + "snare-twin";
        String title = "Snare drum " + prefix;
        assertThat(api.put("items/" + reviewedOnly, Map.of("title", title)).status()).isEqualTo(201);
        assertThat(api.put("items/" + twin, Map.of("title", title)).status()).isEqualTo(201);
        assertThat(api.post("feedback", Map.of("userId", user, "itemId", reviewedOnly, "type", "REVIEW",
                "value", 4, "text", review)).status()).isEqualTo(201);
        // A change of the item embeds it again, now from the review.
        assertThat(api.put("items/" + reviewedOnly, Map.of("title", title, "categories", List.of("drums")))
                .status()).isEqualTo(200);
        Poll.until(() -> textHash(server, reviewedOnly), h -> h != null && !h.equals(textHash(server, twin)),
                Duration.ofSeconds(20), "the item's vector to come from the review");
        String other = prefix + "other";
        userWithHistory(api, other, "electric guitars", "Kept review " + prefix);
        exportWithImpressions(api, user, 1);
        assertThat(hits(server, List.of(user)).stream().map(String::toLowerCase)).as("before erasure")
                .contains("app_user.id", "feedback_event.user_id", "impression.user_id", "user_profile.user_id");

        Api.Answer erased = api.delete("users/" + user);
        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.json().path("feedbackEvents").asInt()).isEqualTo(3);
        assertThat(erased.json().path("impressions").asInt()).isEqualTo(1);
        assertThat(erased.json().path("profile").asBoolean()).isTrue();
        assertThat(erased.json().path("modelsToPurge").asBoolean()).as("a review with stars").isTrue();

        assertThat(hits(server, List.of(user, review, preference))).as("rows naming the user or their texts")
                .isEmpty();
        // Queued behind the run's other embedding work (one page per waiting embedding, docs/operations.md).
        Poll.until(() -> textHash(server, reviewedOnly), h -> h != null && h.equals(textHash(server, twin)),
                Duration.ofSeconds(90), "the item's vector to be made again without the erased review");
        // The run's other tests share the catalogue: these two snare drums must not outrank the demo's drums.
        assertThat(api.delete("items/" + reviewedOnly).status()).isEqualTo(204);
        assertThat(api.delete("items/" + twin).status()).isEqualTo(204);
        assertThat(hits(server, List.of(other))).as("the other user is untouched").isNotEmpty();
        assertThat(api.get("users/" + user).status()).isEqualTo(404);
        assertThat(api.get("users/" + user + "/profile").status()).isEqualTo(404);
        assertThat(api.get("users/" + user + "/export").status()).isEqualTo(404);
        assertThat(api.delete("users/" + user).status()).as("erasing again").isEqualTo(404);
        assertThat(api.get("users/" + other + "/recommendations?n=5").json().path("items")).hasSize(5);
    }

    @Test
    void anErasedRatersFactorsLeaveEveryStoredRatingModel(RecsysServer.Running server) throws SQLException {
        Api api = server.api();
        String user = prefix + "rater";
        assertThat(api.put("users/" + user, Map.of("preferenceText", "drum kits")).status()).isEqualTo(201);
        for (int n = 1; n <= 8; n++) {
            // Older than any stored rating, so that they are in the training part, not the newest-tenth hold-out.
            assertThat(api.post("feedback", Map.of("userId", user, "itemId", String.format("demo-drums-%02d", n),
                    "type", "RATING", "value", 1 + n % 5, "occurredAt", "1990-01-0" + n + "T12:00:00Z")).status())
                    .isEqualTo(201);
        }
        JsonNode trained = OperationsIT.runJob(api, "train-models");
        assertThat(trained.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(hits(server, List.of(user)).stream().map(String::toLowerCase)).as("a rating model learnt them")
                .contains("model_artifact.payload");

        JsonNode erased = api.delete("users/" + user).json();
        assertThat(erased.path("feedbackEvents").asInt()).isEqualTo(8);
        assertThat(erased.path("modelsToPurge").asBoolean()).isTrue();
        JsonNode run = OperationsIT.runJob(api, "complete-erasures");

        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("exitStatus").asText()).contains("erasures completed", "older rating versions purged");
        assertThat(hits(server, List.of(user))).as("rows naming the erased rater").isEmpty();
        JsonNode rating = OperationsIT.models(api, "rating");
        String serving = OperationsIT.active(rating);
        assertThat(rating.get(0).path("version").asText()).as("the newest version serves").isEqualTo(serving);
        assertThat(rating.get(0).path("decision").asText()).contains("erasure");
        List<String> others = new ArrayList<>();
        rating.forEach(v -> {
            if (!v.path("version").asText().equals(serving)) {
                others.add(v.path("status").asText());
                assertThat(v.path("decision").asText()).contains("complete-erasures");
            }
        });
        assertThat(others).isNotEmpty().containsOnly("PURGED");
        String purged = rating.get(1).path("version").asText();
        Api.Answer promote = api.post("models/" + purged + "/promote", "");
        assertThat(promote.status()).as(promote.toString()).isEqualTo(409);
        Poll.until(() -> api.post("ratings/predict", Map.of("userId", "demo-user-001", "itemId", "demo-guitars-01"))
                .json().path("modelVersion").asText(), serving::equals, Duration.ofSeconds(10), "serving " + serving);
        assertThat(OperationsIT.runJob(api, "complete-erasures").path("exitStatus").asText())
                .as("run again").contains("no erasure is waiting");
    }

    @Test
    void retentionDeletesExpiredImpressionsAndRemovalNotesOnlyAndReportsIt(RecsysServer.Running server)
            throws SQLException {
        Api api = server.api();
        String user = prefix + "retained";
        String old1 = userWithHistory(api, user, "studio headphones", "Retained review " + prefix);
        String old2 = api.get("users/" + user + "/recommendations?n=5").json().path("recommendationId").asText();
        String fresh = api.get("users/" + user + "/recommendations?n=5").json().path("recommendationId").asText();
        exportWithImpressions(api, user, 3);
        try (Connection c = server.database().connect();
             PreparedStatement age = c.prepareStatement(
                     "update impression set created_at = ? where recommendation_id in (?, ?)")) {
            age.setObject(1, OffsetDateTime.now().minusDays(91));
            age.setString(2, old1);
            age.setString(3, old2);
            assertThat(age.executeUpdate()).isEqualTo(2);
        }
        String oldNote = prefix + "removed-long-ago";
        String freshNote = prefix + "removed-yesterday";
        try (Connection c = server.database().connect();
             PreparedStatement note = c.prepareStatement(
                     "insert into item_removal (item_id, removed_at) values (?, ?)")) {
            note.setString(1, oldNote);
            note.setObject(2, OffsetDateTime.now().minusDays(31));
            note.executeUpdate();
            note.setString(1, freshNote);
            note.setObject(2, OffsetDateTime.now().minusDays(1));
            note.executeUpdate();
        }
        long feedbackBefore = api.get("users/" + user + "/export").json().path("feedback").size();

        JsonNode run = OperationsIT.runJob(api, "apply-retention");

        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("exitStatus").asText()).contains("impressions", "feedback events",
                "item removal notes removed");
        JsonNode report = api.get("jobs/apply-retention/reports/latest").json();
        assertThat(report.path("executionId").asLong()).isEqualTo(run.path("executionId").asLong());
        JsonNode impressions = report.path("impressions");
        assertThat(impressions.path("retentionDays").asInt()).isEqualTo(90);
        assertThat(impressions.path("removed").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.path("feedback").path("removed").asLong()).isZero();
        assertThat(report.path("itemRemovals").path("retentionDays").asInt()).isEqualTo(30);
        assertThat(report.path("itemRemovals").path("removed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(removalNotes(server, oldNote)).as("a note older than 30 days").isZero();
        assertThat(removalNotes(server, freshNote)).as("a note of yesterday").isEqualTo(1);
        JsonNode left = api.get("users/" + user + "/export").json();
        assertThat(left.path("impressions").findValuesAsText("recommendationId")).containsExactly(fresh);
        assertThat(left.path("feedback")).hasSize((int) feedbackBefore);
        // The job is on a daily schedule by default.
        assertThat(api.get("jobs/apply-retention/schedule").json().path("cron").asText()).isEqualTo("30 2 * * *");
    }

    private static int removalNotes(RecsysServer.Running server, String itemId) throws SQLException {
        try (Connection c = server.database().connect();
             PreparedStatement s = c.prepareStatement("select count(*) from item_removal where item_id = ?")) {
            s.setString(1, itemId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The hash of the text an item's stored vector was made from. */
    private static String textHash(RecsysServer.Running server, String itemId) {
        try (Connection c = server.database().connect();
             PreparedStatement s = c.prepareStatement("select text_hash from item_vector where item_id = ?")) {
            s.setString(1, itemId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every table, column and row of the servers' schema that contains one of the needles, as table.column. */
    static Set<String> hits(RecsysServer.Running server, List<String> needles) throws SQLException {
        Set<String> found = new TreeSet<>();
        try (Connection c = server.database().connect()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, server.database().schemaName(), "%", "%")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"),
                            Integer.toString(rs.getInt("DATA_TYPE"))});
                }
            }
            for (String[] column : columns) {
                int type = Integer.parseInt(column[2]);
                String table = quoted(column[0]);
                String name = quoted(column[1]);
                if (Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB).contains(type)) {
                    // Model payloads and vectors: look for the text's UTF-8 bytes.
                    try (Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("select " + name + " from " + table)) {
                        while (rs.next()) {
                            byte[] bytes = rs.getBytes(1);
                            for (String needle : needles) {
                                if (bytes != null && contains(bytes, needle.getBytes(StandardCharsets.UTF_8))) {
                                    found.add(column[0] + "." + column[1]);
                                }
                            }
                        }
                    }
                } else if (Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR,
                        Types.NCLOB, Types.LONGNVARCHAR).contains(type)) {
                    for (String needle : needles) {
                        try (PreparedStatement s = c.prepareStatement(
                                "select count(*) from " + table + " where " + name + " like ?")) {
                            s.setString(1, "%" + needle + "%");
                            try (ResultSet rs = s.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) > 0) {
                                    found.add(column[0] + "." + column[1]);
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
