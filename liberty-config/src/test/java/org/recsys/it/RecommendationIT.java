package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.Poll;
import org.recsys.it.support.RecsysServer;

/** Explained recommendations that react to the very next piece of feedback, cold start, profiles, models. */
@ExtendWith(RecsysServer.class)
class RecommendationIT {

    private final String prefix = "it-rec-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("items").forEach(i -> ids.add(i.path("itemId").asText()));
        return ids;
    }

    static final String DEMO_DEPARTMENTS = "guitars,keyboards,drums,recording,cables,books,dj,wind";

    /** Recommendations within the demo's departments: other tests import real catalogues into this database. */
    static List<String> demoIds(Api api, String user, int n) {
        return ids(api.get("users/" + user + "/recommendations?n=" + n + "&category=" + DEMO_DEPARTMENTS).json());
    }

    static long inDepartment(List<String> itemIds, String department) {
        return itemIds.stream().filter(id -> id.startsWith("demo-" + department + "-")).count();
    }

    @Test
    void recommendationsAreExplainedAttributedAndSkipWhatTheUserRejectedOrConsumed(Api api) {
        JsonNode answer = api.get("users/demo-user-003/recommendations?n=10").json();

        assertThat(answer.path("items")).hasSize(10);
        String strategy = answer.path("strategy").asText();
        assertThat(strategy).isIn("relevance", "diversity");
        assertThat(answer.path("recommendationId").asText()).startsWith(strategy.substring(0, 3) + "-");
        answer.path("items").forEach(item -> {
            assertThat(item.path("title").asText()).isNotBlank();
            assertThat(item.path("explanation").asText()).endsWith(".").hasSizeGreaterThan(20);
            assertThat(item.path("reasons").path("signals").path("interest").isNumber()).isTrue();
        });
        Set<String> seen = new HashSet<>();
        api.get("users/demo-user-003/feedback?limit=1000").json().path("items")
                .forEach(e -> seen.add(e.path("itemId").asText()));
        assertThat(ids(answer)).doesNotContainAnyElementsOf(seen).doesNotHaveDuplicates();
        assertThat(ids(api.get("users/demo-user-003/recommendations?n=10&includeConsumed=true").json())).isNotEmpty();
    }

    @Test
    void aKnownUserIsServedByTheTwoStageRecommenderWithCollaborativeReasons(Api api) {
        Poll.until(() -> OperationsIT.active(OperationsIT.models(api, "topn")), v -> v != null,
                Duration.ofMinutes(3), "the first top-N model (trained at start-up)");
        // The registry marks a version active when it commits; each member serves it once it has loaded it.
        JsonNode answer = Poll.until(() -> api.get("users/demo-user-003/recommendations?n=10").json(),
                a -> a.path("items").findValuesAsText("explanation").stream()
                        .anyMatch(text -> text.startsWith("People who liked \u201c")),
                Duration.ofSeconds(30), "a list with collaborative reasons from the two-stage recommender");
        Set<String> seen = new HashSet<>();
        api.get("users/demo-user-003/feedback?limit=1000").json().path("items")
                .forEach(e -> seen.add(e.path("itemId").asText()));
        // The neighbour an explanation names is one of the user's own items.
        answer.path("items").forEach(item -> {
            if (item.path("explanation").asText().startsWith("People who liked")) {
                assertThat(seen).contains(item.path("reasons").path("becauseYouLiked").path("itemId").asText());
            }
        });
    }

    @Test
    void aDislikeIsGoneFromTheVeryNextAnswer(Api api) {
        String user = "demo-user-010";
        JsonNode before = api.get("users/" + user + "/recommendations?n=10").json();
        String top = ids(before).get(0);

        Api.Answer dislike = api.post("feedback", Map.of("userId", user, "itemId", top, "type", "DISLIKE",
                "recommendationId", before.path("recommendationId").asText()));
        JsonNode after = api.get("users/" + user + "/recommendations?n=10").json();

        assertThat(dislike.status()).isEqualTo(201);
        assertThat(ids(after)).doesNotContain(top);
        assertThat(ids(api.get("users/" + user + "/recommendations?n=10&includeConsumed=true").json()))
                .doesNotContain(top);
    }

    @Test
    void likingOneDepartmentMovesTheNextAnswerTowardsIt(Api api) {
        String user = prefix + "liker";
        api.put("users/" + user, Map.of("preferenceText", "home recording: condenser microphones and interfaces"));
        List<String> before = demoIds(api, user, 10);

        List<Map<String, Object>> likes = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            likes.add(Map.of("userId", user, "itemId", String.format("demo-wind-%02d", n), "type", "LIKE"));
        }
        assertThat(api.post("feedback/batch", Map.of("events", likes)).status()).isEqualTo(200);
        List<String> after = demoIds(api, user, 10);

        assertThat(inDepartment(after, "wind")).isGreaterThan(inDepartment(before, "wind"));
        assertThat(inDepartment(after, "wind")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void newUsersAreServedFromTheirOwnWordsAndNewItemsAtOnce(Api api) {
        String user = prefix + "drummer";
        api.put("users/" + user, Map.of("preferenceText", "drum kits, snare drums and cymbals for my band"));
        JsonNode drumsAnswer = api.get("users/" + user + "/recommendations?n=5&category=" + DEMO_DEPARTMENTS).json();
        assertThat(inDepartment(ids(drumsAnswer), "drums")).as(drumsAnswer.toPrettyString())
                .isGreaterThanOrEqualTo(3);

        String item = prefix + "theremin";
        String words = "Theremin with antennas, played without touching, eerie electronic tone";
        assertThat(api.put("items/" + item, Map.of("title", "Theremin", "description", words,
                "categories", List.of("electronic"))).status()).isEqualTo(201);
        String fan = prefix + "fan";
        api.put("users/" + fan, Map.of("preferenceText", words));
        assertThat(ids(api.get("users/" + fan + "/recommendations?n=5").json())).contains(item);
        assertThat(ids(api.get("items/" + item + "/similar?n=5").json())).hasSize(5).doesNotContain(item);
    }

    @Test
    void statedPreferencesMoveTheProfileAtOnce(Api api) {
        String user = prefix + "stated";
        api.put("users/" + user, Map.of("preferenceText", "saxophones and trumpets"));
        long drumsBefore = inDepartment(demoIds(api, user, 10), "drums");

        Api.Answer changed = api.post("users/" + user + "/preferences",
                Map.of("text", "more drums and percussion, no wind instruments"));
        long drumsAfter = inDepartment(demoIds(api, user, 10), "drums");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("version").asLong()).isGreaterThan(1);
        assertThat(drumsAfter).isGreaterThan(drumsBefore);
        assertThat(api.post("users/" + user + "/preferences", Map.of("text", " ")).status()).isEqualTo(400);
        assertThat(api.post("users/nobody-" + prefix + "/preferences", Map.of("text", "drums")).status())
                .isEqualTo(404);
    }

    @Test
    void categoryExcludeAndBadParameters(Api api) {
        List<String> books = ids(api.get("users/demo-user-004/recommendations?n=5&category=books").json());
        assertThat(books).isNotEmpty().allMatch(id -> id.startsWith("demo-books-"));
        List<String> first = ids(api.get("users/demo-user-004/recommendations?n=5").json());
        List<String> excluded = ids(api.get("users/demo-user-004/recommendations?n=5&exclude="
                + String.join(",", first)).json());
        assertThat(excluded).doesNotContainAnyElementsOf(first);
        JsonNode bare = api.get("users/demo-user-004/recommendations?n=3&explain=false").json();
        assertThat(bare.path("items").get(0).has("explanation")).isFalse();

        assertThat(api.get("users/demo-user-004/recommendations?n=0").json().path("errors").get(0)
                .path("field").asText()).isEqualTo("n");
        assertThat(api.get("users/demo-user-004/recommendations?explain=maybe").status()).isEqualTo(400);
        assertThat(api.get("users/nobody-" + prefix + "/recommendations").status()).isEqualTo(404);
        assertThat(api.get("items/nothing-" + prefix + "/similar").status()).isEqualTo(404);
    }

    @Test
    void profileShowsInterestPointsWithTagsAndRecentFeedback(Api api) {
        JsonNode profile = null;
        for (int u = 1; u <= 120 && (profile == null || profile.path("interests").isEmpty()); u++) {
            JsonNode candidate = api.get(String.format("users/demo-user-%03d/profile", u)).json();
            if (candidate.path("positives").asInt() >= 6) {
                profile = candidate;
            }
        }
        assertThat(profile).as("a demo user with six likes or more").isNotNull();

        assertThat(profile.path("version").asLong()).isPositive();
        assertThat(profile.path("recentFeedback")).isNotEmpty();
        assertThat(profile.path("interests")).isNotEmpty();
        profile.path("interests").forEach(interest -> {
            assertThat(interest.path("tags").size()).isBetween(1, 5);
            assertThat(interest.path("weight").asDouble()).isBetween(0.0, 1.0);
            assertThat(interest.path("representativeItems")).isNotEmpty();
        });
        assertThat(api.get("users/nobody-" + prefix + "/profile").status()).isEqualTo(404);
    }

    @Test
    void modelsAnswerOnceTrained(Api api) {
        JsonNode negative = Poll.until(() -> api.post("sentiment",
                        Map.of("text", "Terrible quality, it broke after a week, returned it")),
                a -> a.status() == 200, Duration.ofMinutes(2), "the sentiment model").json();
        assertThat(negative.path("label").asText()).isEqualTo("NEGATIVE");
        assertThat(negative.path("probabilities").path("NEGATIVE").asDouble()).isGreaterThan(0.5);
        assertThat(api.post("sentiment", Map.of("text", "")).status()).isEqualTo(400);

        JsonNode stars = Poll.until(() -> api.post("ratings/predict",
                        Map.of("userId", "demo-user-006", "itemId", "demo-guitars-03")),
                a -> a.status() == 200, Duration.ofMinutes(2), "the rating model").json();
        assertThat(stars.path("predictedStars").asDouble()).isBetween(1.0, 5.0);
        assertThat(api.post("ratings/predict", Map.of("userId", "demo-user-006", "itemId", "nothing"))
                .status()).isEqualTo(404);
    }

    @Test
    void experimentsCountListsShownAndAttributedPositives(Api api) {
        String user = prefix + "clicker";
        api.put("users/" + user, Map.of("preferenceText", "guitars"));
        JsonNode before = api.get("experiments").json();
        JsonNode shown = api.get("users/" + user + "/recommendations?n=5").json();
        String strategy = shown.path("strategy").asText();
        api.post("feedback", Map.of("userId", user, "itemId", ids(shown).get(0), "type", "CLICK",
                "recommendationId", shown.path("recommendationId").asText()));

        JsonNode after = Poll.until(() -> api.get("experiments").json(),
                e -> count(e, strategy, "impressions") > count(before, strategy, "impressions")
                        && count(e, strategy, "positives") > count(before, strategy, "positives"),
                Duration.ofSeconds(20), "the impression and the click to be counted");
        // That traffic moves to the strategy earning more positive feedback is shown by StrategyAndBanditTest.
        assertThat(after.path("strategies")).hasSize(2);
    }

    private static long count(JsonNode experiments, String strategy, String field) {
        for (JsonNode s : experiments.path("strategies")) {
            if (s.path("id").asText().equals(strategy)) {
                return s.path(field).asLong();
            }
        }
        return 0;
    }
}
