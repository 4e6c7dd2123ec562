package org.recsys.ml.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.recsys.ml.vector.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A transformer sentence encoder run inside the JVM by ONNX Runtime, through a LangChain4j in-process embedding
 * model whose quantized weights and tokenizer ship inside its jar (nothing is downloaded). Thread-safe: ONNX
 * Runtime sessions and the DJL tokenizer allow concurrent calls, and {@link #encodeAll(List)} fans texts out over
 * the executor given at construction.
 */
public final class InProcessEncoder implements TextEncoder {

    /** Model id of the default English encoder. */
    public static final String MINILM_ID = "all-minilm-l6-v2-q";
    /** Model id of the Chinese encoder. */
    public static final String BGE_ZH_ID = "bge-small-zh-v15-q";
    /** Version of the LangChain4j artefacts carrying the model files. */
    public static final String ARTEFACT_VERSION = "1.11.0-beta19";

    private final EmbeddingModel model;
    private final String modelId;
    private final int dimension;

    /**
     * Wraps any LangChain4j embedding model (e.g. for tests or another in-process model).
     *
     * @param model     the model
     * @param modelId   id reported in tags
     * @param dimension vector length the model returns
     */
    public InProcessEncoder(EmbeddingModel model, String modelId, int dimension) {
        this.model = model;
        this.modelId = modelId;
        this.dimension = dimension;
    }

    /**
     * The quantized all-MiniLM-L6-v2 (384-d, mean pooling).
     *
     * @param executor runs {@link #encodeAll(List)} in parallel; {@code null} for LangChain4j's default pool (one
     *                 thread per core, idle threads time out)
     */
    public static InProcessEncoder allMiniLmL6V2(Executor executor) {
        EmbeddingModel model = executor == null ? new AllMiniLmL6V2QuantizedEmbeddingModel()
                : new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
        return new InProcessEncoder(model, MINILM_ID, 384);
    }

    /**
     * The quantized bge-small-zh-v1.5 (512-d, CLS pooling) for Chinese text.
     *
     * @param executor as for {@link #allMiniLmL6V2(Executor)}
     */
    public static InProcessEncoder bgeSmallZh(Executor executor) {
        EmbeddingModel model = executor == null ? new BgeSmallZhV15QuantizedEmbeddingModel()
                : new BgeSmallZhV15QuantizedEmbeddingModel(executor);
        return new InProcessEncoder(model, BGE_ZH_ID, 512);
    }

    /** The underlying LangChain4j model (for benchmarks against the bare model). */
    public EmbeddingModel languageModel() {
        return model;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public String modelVersion() {
        return ARTEFACT_VERSION;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] encode(String text) {
        if (text == null || text.isBlank()) {
            return new float[dimension]; // the tokenizer yields no tokens and the model would fail
        }
        return Vectors.normalizeInPlace(model.embed(text).content().vector());
    }

    @Override
    public List<float[]> encodeAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                segments.add(TextSegment.from(text));
            }
        }
        List<Embedding> embeddings = segments.isEmpty() ? List.of() : model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(texts.size());
        int next = 0;
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                vectors.add(new float[dimension]);
            } else {
                vectors.add(Vectors.normalizeInPlace(embeddings.get(next++).vector()));
            }
        }
        return vectors;
    }
}
