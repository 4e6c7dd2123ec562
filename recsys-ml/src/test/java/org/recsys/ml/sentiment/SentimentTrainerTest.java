package org.recsys.ml.sentiment;

import org.junit.jupiter.api.Test;
import org.recsys.ml.text.EncoderTag;
import org.recsys.ml.text.FakeEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SentimentTrainerTest {

    private static final EncoderTag TAG = new EncoderTag("fake", "test", 8);

    /** Three classes around different centres; NEGATIVE is rare (5%), as on Amazon. */
    private static List<LabelledVector> examples(int n, long seed) {
        Random random = new Random(seed);
        List<LabelledVector> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double p = random.nextDouble();
            Sentiment sentiment = p < 0.05 ? Sentiment.NEGATIVE : p < 0.2 ? Sentiment.NEUTRAL : Sentiment.POSITIVE;
            float[] v = new float[8];
            v[sentiment.ordinal()] = 1.5f;
            for (int d = 0; d < 8; d++) {
                v[d] += (float) (0.6 * random.nextGaussian());
            }
            out.add(new LabelledVector(sentiment.label(), v));
        }
        return out;
    }

    private static double recall(SentimentModel model, List<LabelledVector> test, Sentiment sentiment) {
        long relevant = test.stream().filter(e -> e.label().equals(sentiment.label())).count();
        long found = test.stream().filter(e -> e.label().equals(sentiment.label()))
                .filter(e -> model.predict(e.vector()).label().equals(sentiment.label())).count();
        return (double) found / relevant;
    }

    @Test
    void classWeightingRaisesRecallOfTheRareClassAndProbabilitiesSumToOne() {
        List<LabelledVector> train = examples(3000, 1);
        List<LabelledVector> test = examples(2000, 2);
        SentimentModel weighted = new SentimentTrainer().configure(10, 0.5, true, 1).train(train, TAG);
        SentimentModel unweighted = new SentimentTrainer().configure(10, 0.5, false, 1).train(train, TAG);
        assertThat(recall(weighted, test, Sentiment.NEGATIVE)).isGreaterThan(recall(unweighted, test,
                Sentiment.NEGATIVE));
        assertThat(recall(weighted, test, Sentiment.NEGATIVE)).isGreaterThan(0.7);

        SentimentPrediction prediction = weighted.predict(test.get(0).vector());
        assertThat(prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-6));
        assertThat(prediction.probability(prediction.label())).isGreaterThanOrEqualTo(
                prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    @Test
    void roundTripsAndChecksTheEncoder() {
        SentimentModel model = new SentimentTrainer().configure(5, 0.5, true, 1).train(examples(500, 3), TAG);
        SentimentModel copy = SentimentModel.fromBytes(model.toBytes());
        float[] vector = examples(1, 9).get(0).vector();
        assertThat(copy.predict(vector)).isEqualTo(model.predict(vector));
        assertThat(copy.encoder()).isEqualTo(TAG);
        assertThat(copy.provenance()).isEqualTo(model.provenance());
        assertThatThrownBy(() -> model.predict("great", new FakeEncoder("other", 8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(model.predict("great", new FakeEncoder("fake", 8)).probabilities()).hasSize(3);
    }

    @Test
    void starsMapToClassesAndStarRegressionLearnsALinearSignal() {
        assertThat(Sentiment.fromStars(1)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(Sentiment.fromStars(2)).isEqualTo(Sentiment.NEGATIVE);
        assertThat(Sentiment.fromStars(3)).isEqualTo(Sentiment.NEUTRAL);
        assertThat(Sentiment.fromStars(4)).isEqualTo(Sentiment.POSITIVE);
        Random random = new Random(4);
        List<float[]> vectors = new ArrayList<>();
        List<Float> stars = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            float[] v = {(float) random.nextGaussian(), (float) random.nextGaussian()};
            vectors.add(v);
            stars.add((float) Math.max(1, Math.min(5, 3 + v[0])));
        }
        StarRatingRegressor regressor = StarRatingRegressor.train(vectors, stars, TAG, 10, 1);
        assertThat(regressor.predict(new float[] {1.5f, 0})).isGreaterThan(regressor.predict(new float[] {-1.5f, 0})
                + 2);
        assertThat(regressor.predict(new float[] {50, 0})).isEqualTo(5.0);
        StarRatingRegressor copy = StarRatingRegressor.fromModelBytes(regressor.modelBytes(), TAG, 1, 5);
        assertThat(copy.predict(new float[] {0.5f, 0.5f})).isCloseTo(regressor.predict(new float[] {0.5f, 0.5f}),
                within(1e-9));
    }
}
