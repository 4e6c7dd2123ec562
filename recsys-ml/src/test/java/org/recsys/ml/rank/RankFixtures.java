package org.recsys.ml.rank;

import org.recsys.ml.vector.Vectors;

import java.util.Random;

/** Clustered random unit vectors: {@code clusters} topics with items spread around each. */
final class RankFixtures {

    private RankFixtures() {
    }

    static float[][] clusteredVectors(int count, int dimension, int clusters, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[clusters][dimension];
        for (float[] centre : centres) {
            for (int d = 0; d < dimension; d++) {
                centre[d] = (float) random.nextGaussian();
            }
            Vectors.normalizeInPlace(centre);
        }
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] v = centres[i % clusters].clone();
            for (int d = 0; d < dimension; d++) {
                v[d] += (float) (0.08 * random.nextGaussian());
            }
            vectors[i] = Vectors.normalizeInPlace(v);
        }
        return vectors;
    }

    static ItemCatalogue catalogue(float[][] vectors, ItemCatalogue.IndexKind kind) {
        ItemCatalogue.Builder builder = ItemCatalogue.builder(vectors[0].length).index(kind);
        for (int i = 0; i < vectors.length; i++) {
            builder.add("i" + i, vectors[i], i % 2 == 0 ? "even" : "odd", i % 97);
        }
        return builder.build();
    }
}
