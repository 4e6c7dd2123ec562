package org.recsys.ml.profile;

import org.junit.jupiter.api.Test;
import org.recsys.ml.vector.Vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProfileUpdaterTest {

    @Test
    void positiveFeedbackIsAStepTowardsTheItemThenRenormalised() {
        float[] profile = {1, 0};
        float[] item = {0, 1};
        double step = new ProfileUpdater(0.2).update(profile, item, 1.0);
        assertThat(step).isCloseTo(0.2, within(1e-9));
        // e + 0.2 (i - e) = (0.8, 0.2), normalised
        double norm = Math.sqrt(0.8 * 0.8 + 0.2 * 0.2);
        assertThat(profile[0]).isCloseTo((float) (0.8 / norm), within(1e-6f));
        assertThat(profile[1]).isCloseTo((float) (0.2 / norm), within(1e-6f));
    }

    @Test
    void negativeFeedbackMovesAway() {
        float[] profile = Vectors.normalized(new float[] {1, 1});
        float[] item = {0, 1};
        float before = Vectors.dot(profile, item);
        new ProfileUpdater(0.3).update(profile, item, FeedbackWeights.weight(FeedbackType.DISLIKE, Double.NaN,
                Double.NaN, Double.NaN));
        // e - 0.3 (i - e) = 1.3 e - 0.3 i
        float expectedX = (float) (1.3 / Math.sqrt(2));
        float expectedY = (float) (1.3 / Math.sqrt(2) - 0.3);
        float norm = (float) Math.sqrt(expectedX * expectedX + expectedY * expectedY);
        assertThat(profile[0]).isCloseTo(expectedX / norm, within(1e-6f));
        assertThat(profile[1]).isCloseTo(expectedY / norm, within(1e-6f));
        assertThat(Vectors.dot(profile, item)).isLessThan(before);
    }

    @Test
    void stepIsCappedEmptyProfilesStartAtTheItemAndZeroWeightDoesNothing() {
        ProfileUpdater updater = new ProfileUpdater(1.0);
        float[] profile = {1, 0};
        assertThat(updater.update(profile, new float[] {0, 1}, 2.0)).isEqualTo(ProfileUpdater.MAX_STEP);
        assertThat(profile[0]).isCloseTo(profile[1], within(1e-6f));

        float[] empty = new float[2];
        updater.update(empty, new float[] {0, 3}, 0.1);
        assertThat(empty).containsExactly(0f, 1f);
        float[] stillEmpty = new float[2];
        updater.update(stillEmpty, new float[] {0, 3}, -1);
        assertThat(stillEmpty).containsExactly(0f, 0f);

        float[] unchanged = {0.6f, 0.8f};
        assertThat(updater.update(unchanged, new float[] {1, 0}, 0)).isZero();
        assertThat(unchanged).containsExactly(0.6f, 0.8f);
        assertThatThrownBy(() -> updater.update(new float[2], new float[3], 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProfileUpdater(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interestVariantMovesOnlyTheNearestPointAndReweights() {
        float[][] centroids = {{1, 0, 0}, {0, 1, 0}};
        float[] weights = {0.5f, 0.5f};
        float[] item = Vectors.normalized(new float[] {0.1f, 1, 0.2f});
        int moved = new ProfileUpdater(0.5).updateNearest(centroids, weights, item, 1.0);
        assertThat(moved).isEqualTo(1);
        assertThat(centroids[0]).containsExactly(1f, 0f, 0f);
        assertThat(centroids[1][2]).isGreaterThan(0f);
        assertThat(weights[1]).isGreaterThan(weights[0]);
        assertThat(weights[0] + weights[1]).isCloseTo(1f, within(1e-6f));
        assertThat(new ProfileUpdater(0.5).updateNearest(new float[0][], null, item, 1)).isEqualTo(-1);
    }

    @Test
    void feedbackWeightsFollowTypeStarsAndSentiment() {
        assertThat(FeedbackWeights.weight(FeedbackType.RATING, 5, 0, 0)).isEqualTo(1.0);
        assertThat(FeedbackWeights.weight(FeedbackType.RATING, 3, 0, 0)).isEqualTo(0.0);
        assertThat(FeedbackWeights.weight(FeedbackType.RATING, 1, 0, 0)).isEqualTo(-1.0);
        assertThat(FeedbackWeights.weight(FeedbackType.RATING, 2, 0, 0)).isEqualTo(-0.5);
        assertThat(FeedbackWeights.weight(FeedbackType.REVIEW, Double.NaN, 0.9, 0.05)).isCloseTo(0.85,
                within(1e-9));
        assertThat(FeedbackWeights.weight(FeedbackType.REVIEW, Double.NaN, 0.1, 0.7)).isCloseTo(-0.6, within(1e-9));
        assertThat(FeedbackWeights.weight(FeedbackType.NOT_INTERESTED, Double.NaN, 0, 0)).isNegative();
        assertThat(FeedbackWeights.weight(FeedbackType.PURCHASE, Double.NaN, 0, 0))
                .isGreaterThan(FeedbackWeights.weight(FeedbackType.CLICK, Double.NaN, 0, 0))
                .isGreaterThan(FeedbackWeights.weight(FeedbackType.VIEW, Double.NaN, 0, 0));
    }
}
