package org.recsys.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Starts a dataset import through the API and waits until it ends. */
public final class Imports {

    private Imports() {
    }

    /** @return the import's final status document */
    public static JsonNode runToEnd(Api api, String format, Path path) {
        Api.Answer started = api.post("imports", Map.of("format", format, "path", path.toString()));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().path("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = api.get("imports/" + id).json();
            if (status.hasNonNull("endedAt")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish in time: " + api.get("imports/" + id));
    }
}
