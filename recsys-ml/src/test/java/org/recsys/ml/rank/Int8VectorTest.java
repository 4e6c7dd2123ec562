package org.recsys.ml.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.recsys.ml.vector.Vectors;

class Int8VectorTest {

    private static float[] unit(Random random, int dimension) {
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return Vectors.normalizeInPlace(vector);
    }

    @Test
    void eachComponentComesBackWithinHalfAStepAndDotProductsWithinAFewThousandths() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            float[] a = unit(random, 384);
            float[] b = unit(random, 384);
            Int8Vector qa = Int8Vector.of(a, 384);
            Int8Vector qb = Int8Vector.of(b, 384);
            float largest = 0;
            for (float component : a) {
                largest = Math.max(largest, Math.abs(component));
            }
            float[] back = qa.toFloats();
            for (int d = 0; d < a.length; d++) {
                assertThat(back[d]).isCloseTo(a[d], within(largest / 127 / 2 + 1e-6f));
            }
            float exact = Vectors.dot(a, b);
            assertThat(qa.dot(b)).isCloseTo(exact, within(0.005f));
            assertThat(qa.dot(qb)).isCloseTo(exact, within(0.005f));
            assertThat(qa.dot(a)).isCloseTo(1f, within(0.005f));
        }
    }

    @Test
    void aMissingOrZeroVectorIsTheZeroRow() {
        assertThat(Int8Vector.of(null, 8).isZero()).isTrue();
        assertThat(Int8Vector.of(new float[8], 8).isZero()).isTrue();
        assertThat(Int8Vector.of(null, 8).dot(new float[] {1, 1, 1, 1, 1, 1, 1, 1})).isZero();
        assertThat(Int8Vector.of(new float[] {0, 0, 0.5f, 0, 0, 0, 0, 0}, 8).isZero()).isFalse();
    }
}
