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
import java.util.List;

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

    /**
     * An answer: status, content type and body (parsed as JSON when it is JSON), any challenge on a 401, and any
     * Retry-After.
     */
    public record Answer(int status, String contentType, String body, String wwwAuthenticate, String retryAfter) {

        public Answer(int status, String contentType, String body) {
            this(status, contentType, body, null, null);
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

    /**
     * A request written byte for byte on a socket, for what {@link HttpClient} refuses to send (two Content-Length
     * headers, a length the body does not have): {@code headers} are the header lines after the request line, the
     * key and Host are added. The answer is read until the server closes or 10 s pass.
     */
    public Answer raw(String method, String path, List<String> headers, String body) {
        URI target = uri(path);
        return raw(method, target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()),
                headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A request with the request target exactly as given (e.g. {@code /api/v1/users/a%ZZ?x=1}, not checked or
     * encoded) and a body of any bytes; as {@link #raw(String, String, List, String)} otherwise.
     */
    public Answer raw(String method, String requestTarget, List<String> headers, byte[] body) {
        StringBuilder request = new StringBuilder(method + " " + requestTarget + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\nConnection: close\r\n");
        if (apiKey != null) {
            request.append("Authorization: Bearer ").append(apiKey).append("\r\n");
        }
        headers.forEach(h -> request.append(h).append("\r\n"));
        request.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
            } catch (java.net.SocketException e) {
                // The server answered and closed before the whole body was sent (e.g. a 413): read what it said.
            }
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (java.net.SocketTimeoutException e) {
                // what arrived is the answer
            } catch (java.net.SocketException e) {
                // the server closed the connection while we were still sending: what arrived is the answer
            }
            String text = answer.toString(java.nio.charset.StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String contentType = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT)
                    .startsWith("content-type:")).map(l -> l.substring(13).strip()).findFirst().orElse(null);
            String content = split < 0 ? "" : text.substring(split + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                content = dechunk(content);
            }
            return new Answer(status, contentType, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int end = chunked.indexOf("\r\n", at);
            if (end < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, end).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, end + 2, Math.min(chunked.length(), end + 2 + size));
            at = end + 2 + size + 2;
        }
        return out.toString();
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
                    response.headers().firstValue("WWW-Authenticate").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
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
