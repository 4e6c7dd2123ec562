package org.recsys.infrastructure.ml;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.recsys.ml.text.EncoderTag;
import org.recsys.ml.text.TextEncoder;
import org.recsys.ml.text.TextEncoders;

/**
 * The configured sentence encoder (all-MiniLM-L6-v2 in the JVM by default; see {@code recsys.encoder.*} in
 * docs/operations.md), created on first use and shared by every thread. Batches run on the model's own pool.
 */
@ApplicationScoped
public class TextEncoding {

    private static final Logger LOG = Logger.getLogger(TextEncoding.class.getName());

    private volatile TextEncoder encoder;
    private Map<String, String> settings;

    /** An encoder of the given settings, for use outside the container (tools, tests). */
    public static TextEncoding of(Map<String, String> settings) {
        TextEncoding encoding = new TextEncoding();
        encoding.settings = Map.copyOf(settings);
        return encoding;
    }

    public TextEncoder encoder() {
        TextEncoder current = encoder;
        if (current == null) {
            synchronized (this) {
                if (encoder == null) {
                    long began = System.nanoTime();
                    Map<String, String> chosen = settings != null ? settings : settings(ConfigProvider.getConfig());
                    // One catalogue holds one vector space: routing by language would mix 384- and 512-dimensional
                    // vectors, which the catalogue and every profile reject, so the server takes one model.
                    if (TextEncoders.AUTO.equalsIgnoreCase(chosen.get(TextEncoders.MODEL))) {
                        throw new IllegalStateException(TextEncoders.MODEL + "=" + TextEncoders.AUTO + " mixes "
                                + "vector spaces in one catalogue; choose one model (all-minilm-l6-v2-q, "
                                + "bge-small-zh-v15-q for Chinese catalogues, or openai)");
                    }
                    // The model's batches run on LangChain4j's own pool (one thread per core), never on the server's
                    // executor: callers wait for the batch on executor threads, and with a fixed-size executor
                    // (server.xml) waiting tasks that need more executor threads starve it.
                    encoder = TextEncoders.fromConfig(chosen, null);
                    LOG.info(() -> String.format("Text encoder %s ready in %.1f s", encoder.tag(),
                            (System.nanoTime() - began) / 1e9));
                }
                current = encoder;
            }
        }
        return current;
    }

    /** The encoder's identity as stored next to every vector: a change of encoder makes stored vectors stale. */
    public String encoderId() {
        return id(encoder().tag());
    }

    public float[] encode(String text) {
        return encoder().encode(text);
    }

    public List<float[]> encodeAll(List<String> texts) {
        return encoder().encodeAll(texts);
    }

    public int dimension() {
        return encoder().dimension();
    }

    static String id(EncoderTag tag) {
        return tag.modelId() + "@" + tag.version();
    }

    /** Looked up by name, so that environment variables (RECSYS_ENCODER_MODEL) count too. */
    private static Map<String, String> settings(Config config) {
        Map<String, String> settings = new HashMap<>();
        for (String name : List.of(TextEncoders.MODEL, TextEncoders.CACHE_SIZE, TextEncoders.OPENAI_URL,
                TextEncoders.OPENAI_KEY, TextEncoders.OPENAI_MODEL, TextEncoders.OPENAI_DIMENSION,
                TextEncoders.OPENAI_BATCH, TextEncoders.OPENAI_TIMEOUT)) {
            config.getOptionalValue(name, String.class).ifPresent(value -> settings.put(name, value));
        }
        return settings;
    }
}
