package org.recsys.ml.text;

/**
 * Identifies the space a vector lives in. Vectors with different tags must never be compared.
 *
 * @param modelId   encoder model id, e.g. {@code all-minilm-l6-v2-q}
 * @param version   version of the model artefact
 * @param dimension vector length
 */
public record EncoderTag(String modelId, String version, int dimension) {

    /** Compact form for storage keys, e.g. {@code all-minilm-l6-v2-q@1.11.0-beta19/384}. */
    @Override
    public String toString() {
        return modelId + "@" + version + "/" + dimension;
    }
}
