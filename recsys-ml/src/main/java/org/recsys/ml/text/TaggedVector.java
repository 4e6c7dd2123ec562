package org.recsys.ml.text;

/**
 * A vector together with the encoder that produced it.
 *
 * @param tag    encoder identity
 * @param vector L2-normalised vector (all zeros for blank text)
 */
public record TaggedVector(EncoderTag tag, float[] vector) { }
