package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.RecsysServer;

/** Health, the OpenAPI document and its UI, metrics, and the demo catalogue on a fresh database. */
@ExtendWith(RecsysServer.class)
class PlatformIT {

    @Test
    void healthIsUpWithEveryCheck(Api api) {
        Api.Answer health = api.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("checks").findValuesAsText("name"))
                .contains("startup", "database", "heap");
    }

    @Test
    void openApiDocumentsEveryOperationWithSchemasAndExamples(Api api) {
        Api.Answer document = api.get("/openapi?format=JSON");

        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().path("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/users/{id}", "/api/v1/users",
                "/api/v1/users/batch", "/api/v1/items/{id}", "/api/v1/items", "/api/v1/items/batch",
                "/api/v1/feedback", "/api/v1/feedback/batch", "/api/v1/users/{userId}/feedback",
                "/api/v1/imports", "/api/v1/imports/{id}");
        assertThat(paths.path("/api/v1/feedback").path("post").path("requestBody").toString())
                .contains("examples", "idempotencyKey");
        assertThat(document.json().path("components").path("schemas").fieldNames()).toIterable()
                .contains("Problem", "FeedbackBody", "User", "Item", "Import");
    }

    @Test
    void openApiUiAndMetricsAreServed(Api api) {
        assertThat(api.get("/openapi/ui/").status()).isEqualTo(200);
        Api.Answer metrics = api.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_uptime_seconds");
    }

    @Test
    void freshDatabaseHasTheSyntheticDemoCatalogue(Api api) {
        // Other tests of the run add their own guitars; the demo's are the ones named demo-*.
        JsonNode items = api.get("items?q=guitar&limit=50").json().path("items");
        List<JsonNode> demo = new ArrayList<>();
        items.forEach(item -> {
            if (item.path("id").asText().startsWith("demo-")) {
                demo.add(item);
            }
        });
        assertThat(demo).isNotEmpty();
        assertThat(demo).extracting(item -> item.path("source").asText()).containsOnly("demo-synthetic");

        JsonNode feedback = api.get("users/demo-user-001/feedback?limit=100").json().path("items");
        assertThat(feedback.size()).isGreaterThanOrEqualTo(12);
        assertThat(feedback.findValuesAsText("type")).contains("VIEW");
    }
}
