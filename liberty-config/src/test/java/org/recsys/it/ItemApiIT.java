package org.recsys.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recsys.it.support.Api;
import org.recsys.it.support.RecsysServer;

@ExtendWith(RecsysServer.class)
class ItemApiIT {

    private final String prefix = "it-item-" + UUID.randomUUID().toString().substring(0, 8) + "-";

    @Test
    void putReadSearchAndRemove(Api api) {
        String marker = "zanzibar" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = Map.of("title", "Hollow-body " + marker + " guitar",
                "description", "Warm tone", "categories", List.of("guitars", "jazz"),
                "attributes", Map.of("brand", "Acme"));

        assertThat(api.put("items/" + prefix + "1", body).status()).isEqualTo(201);
        assertThat(api.put("items/" + prefix + "1", body).status()).isEqualTo(200);
        JsonNode item = api.get("items/" + prefix + "1").json();
        assertThat(item.path("categories").toString()).isEqualTo("[\"guitars\",\"jazz\"]");
        assertThat(item.path("attributes").path("brand").asText()).isEqualTo("Acme");

        JsonNode found = api.get("items?q=" + marker.toUpperCase()).json().path("items");
        assertThat(found.findValuesAsText("id")).containsExactly(prefix + "1");
        assertThat(api.get("items?q=%25").status()).isEqualTo(200);

        assertThat(api.delete("items/" + prefix + "1").status()).isEqualTo(204);
        assertThat(api.get("items/" + prefix + "1").status()).isEqualTo(404);
    }

    @Test
    void titleIsRequiredAndLimitsAreChecked(Api api) {
        Api.Answer noTitle = api.put("items/" + prefix + "2", Map.of("description", "no title"));
        Api.Answer tooManyCategories = api.put("items/" + prefix + "2", Map.of("title", "t",
                "categories", java.util.Collections.nCopies(21, "c")));

        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.json().path("errors").get(0).path("field").asText()).isEqualTo("title");
        assertThat(tooManyCategories.json().path("errors").get(0).path("field").asText()).isEqualTo("categories");
    }

    @Test
    void batchCreatesAllOrNothing(Api api) {
        Api.Answer bad = api.post("items/batch", Map.of("items", List.of(
                Map.of("id", prefix + "b1", "title", "one"), Map.of("id", prefix + "b2", "title", ""))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("items[1].title");
        assertThat(api.get("items/" + prefix + "b1").status()).isEqualTo(404);

        Api.Answer good = api.post("items/batch", Map.of("items", List.of(
                Map.of("id", prefix + "b1", "title", "one"), Map.of("id", prefix + "b2", "title", "two"))));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().path("created").asInt()).isEqualTo(2);
        Api.Answer again = api.post("items/batch", Map.of("items", List.of(
                Map.of("id", prefix + "b1", "title", "one"), Map.of("id", prefix + "b2", "title", "two!"))));
        assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
        assertThat(again.json().path("updated").asInt()).isEqualTo(1);
    }
}
