package org.recsys.ml.vector;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VectorsTest {

    @Test
    void arithmetic() {
        float[] a = {3, 4};
        float[] b = {4, -3};
        assertThat(Vectors.dot(a, b)).isZero();
        assertThat(Vectors.norm(a)).isEqualTo(5f);
        assertThat(Vectors.normalized(a)).containsExactly(0.6f, 0.8f);
        assertThat(a).containsExactly(3f, 4f); // normalized copies
        assertThat(Vectors.cosine(a, new float[] {6, 8})).isCloseTo(1f, within(1e-6f));
        assertThat(Vectors.cosine(a, new float[2])).isZero();
        assertThat(Vectors.normalizeInPlace(new float[2])).containsExactly(0f, 0f);
        assertThat(Vectors.dot(new float[] {1, 2}, new float[] {9, 9, 3, 4}, 2)).isEqualTo(11f);
        float[] target = {1, 1};
        Vectors.addScaled(target, b, 0.5f);
        assertThat(target).containsExactly(3f, -0.5f);
        assertThat(Vectors.weightedMean(List.of(a, b), new float[] {1, 3}, 2)).containsExactly(3.75f, -1.25f);
        assertThat(Vectors.toFloat(Vectors.toDouble(a))).containsExactly(a);
    }
}
