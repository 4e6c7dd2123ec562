package org.recsys.ml.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.recsys.ml.vector.Vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Client for an OpenAI-compatible {@code POST /v1/embeddings} endpoint (OpenAI, vLLM, Ollama, LocalAI, ...).
 * Off by default: the platform encodes in-process. Texts are sent in batches; results are re-ordered by the
 * {@code index} the server returns and L2-normalised. Thread-safe ({@link HttpClient} is).
 */
public final class OpenAiCompatibleEncoder implements TextEncoder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final int batchSize;
    private final Duration timeout;
    private volatile int dimension;

    /**
     * @param baseUrl   server base URL, e.g. {@code http://localhost:8000}; {@code /v1/embeddings} is appended
     *                  unless the URL already ends with it
     * @param apiKey    bearer token, or {@code null}/blank for none
     * @param model     model name sent in each request
     * @param dimension expected vector length, or 0 to learn it from the first response
     * @param batchSize texts per request
     * @param timeout   per-request timeout
     */
    public OpenAiCompatibleEncoder(String baseUrl, String apiKey, String model, int dimension, int batchSize,
                                   Duration timeout) {
        String url = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(url.endsWith("/v1/embeddings") ? url : url + "/v1/embeddings");
        this.apiKey = apiKey;
        this.model = model;
        this.dimension = dimension;
        this.batchSize = Math.max(1, batchSize);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String modelId() {
        return "openai:" + model;
    }

    @Override
    public String modelVersion() {
        return endpoint.getHost();
    }

    @Override
    public int dimension() {
        if (dimension == 0) {
            dimension = encode("dimension probe").length;
        }
        return dimension;
    }

    @Override
    public float[] encode(String text) {
        return encodeAll(List.of(text == null ? "" : text)).get(0);
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            vectors.addAll(post(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return vectors;
    }

    private List<float[]> post(List<String> batch) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode input = body.putArray("input");
        // Servers reject empty strings; a single space encodes to a near-neutral vector.
        batch.forEach(text -> input.add(text == null || text.isEmpty() ? " " : text));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("embedding request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            String snippet = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
            throw new IllegalStateException("embedding endpoint answered HTTP " + response.statusCode() + ": "
                    + snippet);
        }
        try {
            JsonNode data = MAPPER.readTree(response.body()).path("data");
            if (!data.isArray() || data.size() != batch.size()) {
                throw new IllegalStateException("expected " + batch.size() + " embeddings, got " + data.size());
            }
            float[][] vectors = new float[batch.size()][];
            for (int i = 0; i < data.size(); i++) {
                JsonNode item = data.get(i);
                int index = item.path("index").asInt(i);
                JsonNode values = item.path("embedding");
                float[] vector = new float[values.size()];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = (float) values.get(d).asDouble();
                }
                if (dimension != 0 && vector.length != dimension) {
                    throw new IllegalStateException("expected dimension " + dimension + ", got " + vector.length);
                }
                vectors[index] = Vectors.normalizeInPlace(vector);
            }
            if (dimension == 0) {
                dimension = vectors[0].length;
            }
            return List.of(vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("embedding endpoint returned invalid JSON", e);
        }
    }
}
