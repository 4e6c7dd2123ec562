package org.recsys.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client for the partner API, as a partner's system would call it: with the test run's API key (see
 * {@link RecsysServer#API_KEY}) unless told to use another key or none.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Api(URI base) {
        this(base, RecsysServer.API_KEY);
    }

    private Api(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** The same server, called with another API key. */
    public Api withKey(String key) {
        return new Api(base, key);
    }

    /** The same server, called without any Authorization header. */
    public Api anonymous() {
        return new Api(base, null);
    }

    /** An answer: status, content type and body (parsed as JSON when it is JSON), and any challenge on a 401. */
    public record Answer(int status, String contentType, String body, String wwwAuthenticate) {

        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, Object document) {
        return post(path, write(document));
    }

    public Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, Object document) {
        return put(path, write(document));
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.timeout(Duration.ofMinutes(2)).build();
            if (apiKey != null && built.headers().firstValue("Authorization").isEmpty()) {
                built = HttpRequest.newBuilder(built, (name, value) -> true)
                        .header("Authorization", "Bearer " + apiKey).build();
            }
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path : "/api/v1/" + path);
    }

    public static String write(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
