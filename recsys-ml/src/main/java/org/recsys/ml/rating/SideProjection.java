package org.recsys.ml.rating;

import org.tribuo.math.la.DenseMatrix;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;

/**
 * Principal component projection of text vectors to a few dimensions (Pearson 1901; computed with Tribuo's
 * symmetric eigendecomposition of the covariance matrix), so that text enters the rating models as a handful of
 * dense side features instead of hundreds. Components are scaled to unit variance over the fitting vectors.
 * Immutable and thread-safe.
 */
public final class SideProjection {

    private final int inputDimension;
    private final int outputDimension;
    private final float[] mean;
    /** Row-major {@code outputDimension x inputDimension}, already divided by each component's deviation. */
    private final float[] components;

    private SideProjection(int inputDimension, int outputDimension, float[] mean, float[] components) {
        this.inputDimension = inputDimension;
        this.outputDimension = outputDimension;
        this.mean = mean;
        this.components = components;
    }

    /**
     * Fits the projection.
     *
     * @param vectors         vectors to fit on (e.g. every item's text vector)
     * @param outputDimension number of components kept
     */
    public static SideProjection fit(Collection<float[]> vectors, int outputDimension) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no vectors to fit");
        }
        int d = vectors.iterator().next().length;
        int k = Math.min(outputDimension, d);
        double[] mean = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= vectors.size();
        }
        double[][] covariance = new double[d][d];
        double[] centred = new double[d];
        for (float[] v : vectors) {
            for (int j = 0; j < d; j++) {
                centred[j] = v[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ca = centred[a];
                double[] row = covariance[a];
                for (int b = a; b < d; b++) {
                    row[b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                covariance[a][b] /= Math.max(1, vectors.size() - 1);
                covariance[b][a] = covariance[a][b];
            }
        }
        DenseMatrix.EigenDecomposition eigen = DenseMatrix.createDenseMatrix(covariance).eigenDecomposition()
                .orElseThrow(() -> new IllegalStateException("eigendecomposition failed"));
        double[] values = eigen.eigenvalues().toArray();
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        float[] components = new float[k * d];
        DenseMatrix vectorsMatrix = eigen.eigenvectors();
        for (int c = 0; c < k; c++) {
            int column = order[c];
            double scale = 1 / Math.sqrt(Math.max(values[column], 1e-12));
            for (int j = 0; j < d; j++) {
                components[c * d + j] = (float) (vectorsMatrix.get(j, column) * scale);
            }
        }
        float[] meanFloat = new float[d];
        for (int j = 0; j < d; j++) {
            meanFloat[j] = (float) mean[j];
        }
        return new SideProjection(d, k, meanFloat, components);
    }

    /** Input vector length. */
    public int inputDimension() {
        return inputDimension;
    }

    /** Output vector length. */
    public int outputDimension() {
        return outputDimension;
    }

    /** Projects a vector; {@code null} or an all-zero vector (no text) projects to zeros. */
    public float[] project(float[] vector) {
        float[] out = new float[outputDimension];
        if (vector == null || isZero(vector)) {
            return out;
        }
        if (vector.length != inputDimension) {
            throw new IllegalArgumentException("expected dimension " + inputDimension + ", got " + vector.length);
        }
        for (int c = 0; c < outputDimension; c++) {
            float sum = 0;
            int offset = c * inputDimension;
            for (int j = 0; j < inputDimension; j++) {
                sum += (vector[j] - mean[j]) * components[offset + j];
            }
            out[c] = sum;
        }
        return out;
    }

    private static boolean isZero(float[] vector) {
        for (float v : vector) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(inputDimension);
        out.writeInt(outputDimension);
        ModelPayload.writeFloats(out, mean);
        ModelPayload.writeFloats(out, components);
    }

    static SideProjection read(DataInputStream in) throws IOException {
        int input = in.readInt();
        int output = in.readInt();
        return new SideProjection(input, output, ModelPayload.readFloats(in), ModelPayload.readFloats(in));
    }
}
