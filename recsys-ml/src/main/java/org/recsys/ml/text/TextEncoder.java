package org.recsys.ml.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into a dense, L2-normalised vector. Implementations are thread-safe. Blank text encodes to the zero
 * vector (cosine 0 with everything), so callers need no special case.
 */
public interface TextEncoder {

    /** Model id, e.g. {@code all-minilm-l6-v2-q}. */
    String modelId();

    /** Version of the model artefact. */
    String modelVersion();

    /** Length of every vector this encoder returns. */
    int dimension();

    /** Encodes one text. */
    float[] encode(String text);

    /** Encodes many texts, in order; implementations may run them in parallel. */
    default List<float[]> encodeAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(encode(text));
        }
        return vectors;
    }

    /** The identity stored next to every vector. */
    default EncoderTag tag() {
        return new EncoderTag(modelId(), modelVersion(), dimension());
    }

    /** Encodes one text and tags the result. */
    default TaggedVector encodeTagged(String text) {
        return new TaggedVector(tag(), encode(text));
    }
}
