package org.recsys.ml.sentiment;

import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;

/**
 * Turns a text vector into a dense Tribuo example with features {@code e.000 ... e.NNN}.
 */
final class EmbeddingFeatures {

    private static final String[] NAMES = new String[4096];

    static {
        for (int d = 0; d < NAMES.length; d++) {
            NAMES[d] = String.format("e.%04d", d);
        }
    }

    private EmbeddingFeatures() {
    }

    static <T extends Output<T>> Example<T> example(T output, float[] vector) {
        String[] names = new String[vector.length];
        double[] values = new double[vector.length];
        System.arraycopy(NAMES, 0, names, 0, vector.length);
        for (int d = 0; d < vector.length; d++) {
            values[d] = vector[d];
        }
        return new ArrayExample<>(output, names, values);
    }
}
