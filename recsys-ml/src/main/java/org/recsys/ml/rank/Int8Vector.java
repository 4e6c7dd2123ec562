package org.recsys.ml.rank;

/**
 * A unit-length vector kept in a quarter of the memory of its floats: one signed byte per component and one scale
 * (symmetric scalar quantisation per vector, the scale being the largest absolute component over 127). A
 * component's rounding error is at most half a step, about 0.001 for 384-d sentence embeddings, so a dot product with
 * a float query moves by a few thousandths; what that costs in recall against the float vectors is measured in
 * docs/benchmarks.md ("Vector index"). Immutable: snapshots and the graph share rows without copying.
 */
public final class Int8Vector {

    private static final float LEVELS = 127f;

    private final byte[] codes;
    private final float scale;

    private Int8Vector(byte[] codes, float scale) {
        this.codes = codes;
        this.scale = scale;
    }

    /** The quantised form of a vector; all zeros for {@code null} or a zero vector of that dimension. */
    public static Int8Vector of(float[] vector, int dimension) {
        if (vector == null) {
            return new Int8Vector(new byte[dimension], 0);
        }
        float largest = 0;
        for (float component : vector) {
            largest = Math.max(largest, Math.abs(component));
        }
        byte[] codes = new byte[vector.length];
        if (largest == 0 || !Float.isFinite(largest)) {
            return new Int8Vector(codes, 0);
        }
        float step = largest / LEVELS;
        for (int d = 0; d < vector.length; d++) {
            codes[d] = (byte) Math.round(vector[d] / step);
        }
        return new Int8Vector(codes, step);
    }

    /** True for the vector of an item without text. */
    public boolean isZero() {
        return scale == 0;
    }

    public int dimension() {
        return codes.length;
    }

    /** The vector as floats (a new array). */
    public float[] toFloats() {
        float[] vector = new float[codes.length];
        for (int d = 0; d < codes.length; d++) {
            vector[d] = codes[d] * scale;
        }
        return vector;
    }

    /** Dot product with a float query; four accumulators let the CPU overlap the multiply-adds. */
    public float dot(float[] query) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int d = 0;
        int dimension = codes.length;
        for (; d + 3 < dimension; d += 4) {
            s0 += query[d] * codes[d];
            s1 += query[d + 1] * codes[d + 1];
            s2 += query[d + 2] * codes[d + 2];
            s3 += query[d + 3] * codes[d + 3];
        }
        for (; d < dimension; d++) {
            s0 += query[d] * codes[d];
        }
        return ((s0 + s1) + (s2 + s3)) * scale;
    }

    /** Dot product with another quantised vector, in integers (exact for the codes). */
    public float dot(Int8Vector other) {
        byte[] a = codes;
        byte[] b = other.codes;
        int sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum * scale * other.scale;
    }
}
