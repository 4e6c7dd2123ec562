package org.recsys.ml.text;

import org.recsys.ml.vector.Vectors;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deterministic test encoder: hashes character bigrams into a small vector and counts calls.
 */
public final class FakeEncoder implements TextEncoder {

    private final String id;
    private final int dimension;
    public final AtomicInteger encodeCalls = new AtomicInteger();
    public final AtomicInteger textsEncoded = new AtomicInteger();

    public FakeEncoder(String id, int dimension) {
        this.id = id;
        this.dimension = dimension;
    }

    @Override
    public String modelId() {
        return id;
    }

    @Override
    public String modelVersion() {
        return "test";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] encode(String text) {
        encodeCalls.incrementAndGet();
        textsEncoded.incrementAndGet();
        float[] vector = new float[dimension];
        for (int i = 0; i + 1 < text.length(); i++) {
            vector[Math.floorMod(text.substring(i, i + 2).hashCode(), dimension)] += 1;
        }
        return Vectors.normalizeInPlace(vector);
    }
}
