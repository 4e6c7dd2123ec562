package org.recsys.infrastructure.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message to every member of the cluster: a kind (what happened) and string fields. Delivered to CDI observers of
 * this type on every member: the sender's in the thread that published it, the others' on their delivery thread, in
 * the order each sender published.
 *
 * @param kind   what happened, e.g. {@code item-changed}
 * @param origin the member that sent it
 * @param fields what it carries
 */
public record ClusterMessage(String kind, String origin, Map<String, String> fields) {

    public ClusterMessage {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.get(name);
    }

    String encode() {
        JsonObjectBuilder body = Json.createObjectBuilder();
        fields.forEach(body::add);
        return Json.createObjectBuilder().add("kind", kind).add("origin", origin).add("fields", body).build()
                .toString();
    }

    static ClusterMessage decode(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            Map<String, String> fields = new LinkedHashMap<>();
            json.getJsonObject("fields").forEach((name, value) -> fields.put(name,
                    ((jakarta.json.JsonString) value).getString()));
            return new ClusterMessage(json.getString("kind"), json.getString("origin"), fields);
        }
    }
}
