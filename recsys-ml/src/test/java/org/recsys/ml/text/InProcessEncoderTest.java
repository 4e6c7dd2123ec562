package org.recsys.ml.text;

import org.junit.jupiter.api.Test;
import org.recsys.ml.vector.Vectors;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Runs the real quantized models shipped in the LangChain4j jars (no network). */
class InProcessEncoderTest {

    @Test
    void miniLmGivesUnitVectorsThatReflectMeaning() {
        InProcessEncoder encoder = InProcessEncoder.allMiniLmL6V2(null);
        List<float[]> vectors = encoder.encodeAll(List.of("These guitar strings sound bright and stay in tune.",
                "Great strings for my acoustic guitar, they hold their tuning.", "The hotel breakfast was cold.", ""));
        assertThat(vectors).hasSize(4);
        assertThat(Vectors.norm(vectors.get(0))).isCloseTo(1f, within(1e-4f));
        assertThat(vectors.get(0)).hasSize(384);
        assertThat(Vectors.dot(vectors.get(0), vectors.get(1))).isGreaterThan(Vectors.dot(vectors.get(0),
                vectors.get(2)) + 0.3f);
        assertThat(Vectors.norm(vectors.get(3))).isZero();
        assertThat(encoder.encode("The hotel breakfast was cold.")).containsExactly(vectors.get(2));
    }

    @Test
    void chineseEncoderSeparatesPraiseFromComplaints() {
        InProcessEncoder encoder = InProcessEncoder.bgeSmallZh(null);
        float[] clean = encoder.encode("\u623f\u95f4\u5e72\u51c0\uff0c\u670d\u52a1\u70ed\u60c5");
        float[] alsoClean = encoder.encode("\u9152\u5e97\u5f88\u5e72\u51c0\uff0c\u670d\u52a1\u5458\u5f88\u70ed\u60c5");
        float[] movie = encoder.encode("\u8fd9\u90e8\u7535\u5f71\u7684\u5267\u60c5\u5f88\u62d6\u6c93");
        assertThat(clean).hasSize(512);
        assertThat(Vectors.dot(clean, alsoClean)).isGreaterThan(Vectors.dot(clean, movie));
    }
}
