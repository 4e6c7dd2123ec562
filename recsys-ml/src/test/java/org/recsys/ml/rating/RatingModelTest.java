package org.recsys.ml.rating;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatingModelTest {

    private final SyntheticRatings data = new SyntheticRatings(200, 80, 30, 11);

    @Test
    void trainsWithHoldoutClampsAndServesColdStart() {
        RatingModel model = new RatingModelTrainer(RatingRecipe.BLEND).withSideDimensions(6).withSeed(3)
                .train(data.train, data.itemVectors, Map.of());
        assertThat(model.holdoutMetrics()).isPresent();
        assertThat(model.holdoutMetrics().get().rmse()).isBetween(0.05, 1.0);
        for (RatingRecord record : data.test) {
            assertThat(model.predict(record.userId(), record.itemId())).isBetween(1.0, 5.0);
        }
        double unknownBoth = model.predict("nobody", "nothing");
        assertThat(unknownBoth).isBetween(1.0, 5.0);
        double coldItemWithText = model.predict("u1", "new-item", null, data.itemVectors.get("i5"));
        assertThat(coldItemWithText).isBetween(1.0, 5.0);
        assertThat(model.provenance().getTrainerProvenance().getClassName()).isEqualTo(BlendTrainer.class.getName());
    }

    @Test
    void bytesAndFilesRoundTrip(@TempDir Path dir) throws Exception {
        RatingModel model = new RatingModelTrainer(RatingRecipe.TEXT_AWARE).withSideDimensions(4)
                .train(data.train, data.itemVectors, Map.of());
        RatingModel copy = RatingModel.fromBytes(model.toBytes());
        model.save(dir.resolve("rating.bin"));
        RatingModel loaded = RatingModel.load(dir.resolve("rating.bin"));
        for (RatingRecord record : data.test.subList(0, 50)) {
            double expected = model.predict(record.userId(), record.itemId());
            assertThat(copy.predict(record.userId(), record.itemId())).isCloseTo(expected, within(1e-6));
            assertThat(loaded.predict(record.userId(), record.itemId())).isCloseTo(expected, within(1e-6));
        }
        float[] text = data.itemVectors.get("i7");
        assertThat(copy.predict("u3", "unseen", null, text)).isCloseTo(model.predict("u3", "unseen", null, text),
                within(1e-6));
        assertThat(copy.holdoutMetrics()).isEqualTo(model.holdoutMetrics());
        assertThat(copy.recipe()).isEqualTo(RatingRecipe.TEXT_AWARE);
    }

    @Test
    void scaleClampsOutOfRangePredictions() {
        RatingScale scale = new RatingScale(1, 5);
        assertThat(scale.clamp(7.2)).isEqualTo(5.0);
        assertThat(scale.clamp(-1)).isEqualTo(1.0);
        assertThat(scale.clamp(3.3)).isEqualTo(3.3);
    }

    @Test
    void metricsAndRidge() {
        RatingMetrics metrics = RatingMetrics.of(new double[] {3, 4}, new double[] {4, 4});
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(0.5), within(1e-9));
        assertThat(metrics.mae()).isEqualTo(0.5);
        assertThat(metrics.mse()).isCloseTo(0.5, within(1e-9));
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, 1}};
        double[] y = {3 + 2, 3 - 1, 3 + 1, 3 + 3};
        assertThat(RidgeSolver.fit(x, y, 0)).containsExactly(new double[] {3, 2, -1}, within(1e-9));
    }
}
