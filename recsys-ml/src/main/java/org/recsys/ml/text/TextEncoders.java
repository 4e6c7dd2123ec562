package org.recsys.ml.text;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Builds the configured encoder from plain key/value configuration (the server passes its MicroProfile Config
 * values). Keys, with defaults:
 * <ul>
 *   <li>{@value #MODEL} = {@code all-minilm-l6-v2-q} | {@code bge-small-zh-v15-q} | {@code auto} (route CJK text
 *       to bge-small-zh, the rest to MiniLM) | {@code openai}</li>
 *   <li>{@value #CACHE_SIZE} = {@code 10000} vectors; {@code 0} disables the cache</li>
 *   <li>{@value #OPENAI_URL}, {@value #OPENAI_KEY}, {@value #OPENAI_MODEL}
 *       ({@code text-embedding-3-small}), {@value #OPENAI_DIMENSION} ({@code 0} = learn),
 *       {@value #OPENAI_BATCH} ({@code 64}), {@value #OPENAI_TIMEOUT} ({@code 30} seconds)</li>
 * </ul>
 */
public final class TextEncoders {

    public static final String MODEL = "recsys.encoder.model";
    public static final String CACHE_SIZE = "recsys.encoder.cache-size";
    public static final String OPENAI_URL = "recsys.encoder.openai.url";
    public static final String OPENAI_KEY = "recsys.encoder.openai.key";
    public static final String OPENAI_MODEL = "recsys.encoder.openai.model";
    public static final String OPENAI_DIMENSION = "recsys.encoder.openai.dimension";
    public static final String OPENAI_BATCH = "recsys.encoder.openai.batch-size";
    public static final String OPENAI_TIMEOUT = "recsys.encoder.openai.timeout-seconds";

    /** Value of {@value #MODEL} that routes by detected language. */
    public static final String AUTO = "auto";
    /** Value of {@value #MODEL} that selects the HTTP client. */
    public static final String OPENAI = "openai";

    private TextEncoders() {
    }

    /** Builds the encoder described by {@code config}; unknown keys are ignored. */
    public static TextEncoder fromConfig(Map<String, String> config) {
        return fromConfig(config, null);
    }

    /** As {@link #fromConfig(Map)}, from {@link Properties}. */
    public static TextEncoder fromProperties(Properties properties) {
        Map<String, String> config = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        return fromConfig(config, null);
    }

    /**
     * Builds the encoder described by {@code config}.
     *
     * @param executor runs batched in-process encoding, or {@code null} for LangChain4j's own pool (one thread per
     *                 core); never an executor whose threads wait for the batch
     */
    public static TextEncoder fromConfig(Map<String, String> config, Executor executor) {
        String model = config.getOrDefault(MODEL, InProcessEncoder.MINILM_ID).strip().toLowerCase();
        TextEncoder encoder = switch (model) {
            case InProcessEncoder.MINILM_ID -> InProcessEncoder.allMiniLmL6V2(executor);
            case InProcessEncoder.BGE_ZH_ID -> InProcessEncoder.bgeSmallZh(executor);
            case AUTO -> new LanguageRoutingEncoder(cached(InProcessEncoder.allMiniLmL6V2(executor), config),
                    cached(InProcessEncoder.bgeSmallZh(executor), config));
            case OPENAI -> openAi(config);
            default -> throw new IllegalArgumentException("unknown " + MODEL + " '" + model + "'; expected "
                    + InProcessEncoder.MINILM_ID + ", " + InProcessEncoder.BGE_ZH_ID + ", " + AUTO + " or "
                    + OPENAI);
        };
        return encoder instanceof LanguageRoutingEncoder ? encoder : cached(encoder, config);
    }

    /**
     * Picks one in-process encoder for a whole corpus from a sample of its texts: bge-small-zh when most are CJK,
     * else MiniLM. Use it when all vectors of a catalogue must share one space.
     */
    public static TextEncoder forCorpus(List<String> sample, Map<String, String> config, Executor executor) {
        TextEncoder encoder = LanguageDetector.mostlyCjk(sample) ? InProcessEncoder.bgeSmallZh(executor)
                : InProcessEncoder.allMiniLmL6V2(executor);
        return cached(encoder, config);
    }

    private static TextEncoder cached(TextEncoder encoder, Map<String, String> config) {
        int size = Integer.parseInt(config.getOrDefault(CACHE_SIZE, "10000").strip());
        return size > 0 ? new CachingEncoder(encoder, size) : encoder;
    }

    private static TextEncoder openAi(Map<String, String> config) {
        String url = config.get(OPENAI_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(OPENAI_URL + " must be set when " + MODEL + "=" + OPENAI);
        }
        return new OpenAiCompatibleEncoder(url.strip(), config.get(OPENAI_KEY),
                config.getOrDefault(OPENAI_MODEL, "text-embedding-3-small"),
                Integer.parseInt(config.getOrDefault(OPENAI_DIMENSION, "0").strip()),
                Integer.parseInt(config.getOrDefault(OPENAI_BATCH, "64").strip()),
                Duration.ofSeconds(Long.parseLong(config.getOrDefault(OPENAI_TIMEOUT, "30").strip())));
    }
}
