package org.recsys.ml.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recsys.ml.vector.Vectors;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Talks to a real HTTP server on the loopback interface that speaks the embeddings API. */
class OpenAiCompatibleEncoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/embeddings", exchange -> {
            JsonNode request = MAPPER.readTree(exchange.getRequestBody());
            requests.add(request);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            StringBuilder data = new StringBuilder();
            // Answer in reverse order: the client must sort by "index".
            for (int i = request.get("input").size() - 1; i >= 0; i--) {
                String text = request.get("input").get(i).asText();
                data.append(data.length() == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                        .append(",\"embedding\":[").append(text.length()).append(",0,3]}");
            }
            byte[] body = (status == 200 ? "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\""
                    + request.get("model").asText() + "\"}" : "{\"error\":\"overloaded\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void sendsBatchesWithModelAndKeyAndReordersByIndex() {
        OpenAiCompatibleEncoder encoder = new OpenAiCompatibleEncoder(baseUrl(), "secret", "test-model", 0, 2,
                Duration.ofSeconds(5));
        List<float[]> vectors = encoder.encodeAll(List.of("abcd", "ab", "abcdef"));

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).get("model").asText()).isEqualTo("test-model");
        assertThat(requests.get(0).get("input")).hasSize(2);
        assertThat(authorizations).containsOnly("Bearer secret");
        // [len, 0, 3] normalised: the first component grows with the text length, in input order.
        assertThat(vectors).extracting(v -> Vectors.norm(v)).allSatisfy(n -> assertThat(n).isCloseTo(1f, within(1e-5f)));
        assertThat(vectors.get(0)[0]).isCloseTo(0.8f, within(1e-5f));
        assertThat(vectors.get(1)[0]).isLessThan(vectors.get(0)[0]);
        assertThat(vectors.get(2)[0]).isGreaterThan(vectors.get(0)[0]);
        assertThat(encoder.dimension()).isEqualTo(3);
        assertThat(encoder.modelId()).isEqualTo("openai:test-model");
    }

    @Test
    void builtFromConfigurationAndReportsHttpErrors() {
        TextEncoder encoder = TextEncoders.fromConfig(Map.of(TextEncoders.MODEL, "openai",
                TextEncoders.OPENAI_URL, baseUrl() + "/v1/embeddings", TextEncoders.OPENAI_MODEL, "m",
                TextEncoders.CACHE_SIZE, "0"));
        assertThat(encoder.encode("hello")).hasSize(3);
        assertThat(authorizations).containsExactly("null");

        status = 503;
        assertThatThrownBy(() -> encoder.encode("again")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("503");
    }
}
