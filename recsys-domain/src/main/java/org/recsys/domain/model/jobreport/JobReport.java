package org.recsys.domain.model.jobreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One report of one job execution; its body is a JSON document whose shape depends on the job. */
@Entity
@Table(name = "job_report")
public class JobReport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_report_seq")
    @SequenceGenerator(name = "job_report_seq", sequenceName = "job_report_seq", allocationSize = 1)
    private Long id;

    @Column(name = "job_name", nullable = false)
    private String jobName;

    @Column(name = "job_execution_id", nullable = false)
    private long jobExecutionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private String body;

    protected JobReport() {
    }

    public JobReport(String jobName, long jobExecutionId, Instant createdAt, String body) {
        this.jobName = jobName;
        this.jobExecutionId = jobExecutionId;
        this.createdAt = createdAt;
        this.body = body;
    }

    public Long id() {
        return id;
    }

    public String jobName() {
        return jobName;
    }

    public long jobExecutionId() {
        return jobExecutionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String body() {
        return body;
    }

    /** The examples (any JSON object in the body) that name the user, as JSON texts. */
    public List<String> examplesNaming(String userId) {
        List<String> found = new ArrayList<>();
        collect(parse(body), userId, found);
        return found;
    }

    /** Removes every example naming the user (an erasure); whether the body changed. */
    public boolean forget(String userId) {
        String without = without(parse(body), userId).toString();
        boolean changed = !without.equals(parse(body).toString());
        if (changed) {
            body = without;
        }
        return changed;
    }

    private static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static void collect(JsonValue value, String userId, List<String> found) {
        if (value instanceof JsonObject object) {
            if (names(object, userId)) {
                found.add(object.toString());
            } else {
                object.values().forEach(member -> collect(member, userId, found));
            }
        } else if (value instanceof JsonArray array) {
            array.forEach(element -> collect(element, userId, found));
        }
    }

    private static JsonValue without(JsonValue value, String userId) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder kept = Json.createObjectBuilder();
            object.forEach((name, member) -> kept.add(name, without(member, userId)));
            return kept.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder kept = Json.createArrayBuilder();
            array.stream().filter(element -> !(element instanceof JsonObject o && names(o, userId)))
                    .forEach(element -> kept.add(without(element, userId)));
            return kept.build();
        }
        return value;
    }

    private static boolean names(JsonObject object, String userId) {
        return object.values().stream().anyMatch(v -> v instanceof JsonString s && s.getString().equals(userId));
    }
}
