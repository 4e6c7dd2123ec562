package org.recsys.domain.model.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recsys.domain.model.feedback.FeedbackType;

class ProfileLearningTest {

    private final ProfileLearning learning = new ProfileLearning(0.2);

    private static float[] unit(float... values) {
        double norm = 0;
        for (float v : values) {
            norm += v * v;
        }
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] /= (float) Math.sqrt(norm);
        }
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void aFirstLikeSetsTheProfileAndLaterFeedbackMovesItTowardsOrAway() {
        float[] jazz = unit(1, 0, 0);
        float[] cables = unit(0, 1, 0);
        ProfileState liked = learning.apply(ProfileState.EMPTY, List.of(
                ProfileSignal.of("j", jazz, FeedbackType.LIKE, null, Double.NaN, Double.NaN)));
        assertThat(cosine(liked.vector(), jazz)).isCloseTo(1.0, within(1e-6));

        ProfileState towards = learning.apply(liked, List.of(
                ProfileSignal.of("c", cables, FeedbackType.PURCHASE, null, Double.NaN, Double.NaN)));
        ProfileState away = learning.apply(liked, List.of(
                ProfileSignal.of("c", cables, FeedbackType.DISLIKE, null, Double.NaN, Double.NaN)));

        assertThat(cosine(towards.vector(), cables)).isGreaterThan(cosine(liked.vector(), cables));
        assertThat(cosine(away.vector(), cables)).isLessThan(cosine(liked.vector(), cables));
        assertThat(away.rejected()).containsExactly("c");
        assertThat(away.consumed()).doesNotContain("c");
        assertThat(towards.liked()).containsExactly("c", "j");
    }

    @Test
    void starsSetTheDirectionAndThreeStarsMoveNothing() {
        float[] item = unit(0, 0, 1);
        ProfileState start = learning.apply(ProfileState.EMPTY, List.of(
                ProfileSignal.of("a", unit(1, 0, 0), FeedbackType.LIKE, null, Double.NaN, Double.NaN)));

        ProfileState neutral = learning.apply(start, List.of(
                ProfileSignal.of("b", item, FeedbackType.RATING, 3.0, Double.NaN, Double.NaN)));
        ProfileState five = learning.apply(start, List.of(
                ProfileSignal.of("b", item, FeedbackType.REVIEW, 5.0, Double.NaN, Double.NaN)));

        assertThat(neutral.vector()).containsExactly(start.vector());
        assertThat(neutral.liked()).doesNotContain("b");
        assertThat(neutral.consumed()).contains("b");
        assertThat(cosine(five.vector(), item)).isGreaterThan(0.1);
        assertThat(five.liked()).startsWith("b");
        assertThat(five.positives()).isEqualTo(start.positives() + 1);
    }

    @Test
    void theNearestInterestPointMovesAndGainsWeight() {
        Interest jazz = new Interest(unit(1, 0, 0), 0.5f, List.of("jazz"), List.of());
        Interest drums = new Interest(unit(0, 1, 0), 0.5f, List.of("drums"), List.of());
        ProfileState start = new ProfileState(unit(1, 1, 0), List.of(jazz, drums), List.of(), List.of(), List.of(),
                0, 0, 0, false);

        ProfileState after = learning.apply(start, List.of(
                ProfileSignal.of("x", unit(0.9f, 0, 0.1f), FeedbackType.LIKE, null, Double.NaN, Double.NaN)));

        assertThat(after.interests().get(0).centroid()).isNotEqualTo(jazz.centroid());
        assertThat(after.interests().get(1).centroid()).containsExactly(drums.centroid());
        assertThat(after.interests().get(0).weight()).isGreaterThan(0.5f);
        assertThat(after.interests().get(0).weight() + after.interests().get(1).weight())
                .isCloseTo(1f, within(1e-5f));
    }

    @Test
    void onlyTheUsersOwnTextMarksAStatedPreference() {
        ProfileState liked = learning.apply(ProfileState.EMPTY, List.of(
                ProfileSignal.of("x", unit(1, 0, 0), FeedbackType.LIKE, null, Double.NaN, Double.NaN)));
        ProfileState stated = learning.apply(liked, List.of(ProfileSignal.ofText(unit(0, 1, 0), 1.0)));
        ProfileState later = learning.apply(stated, List.of(
                ProfileSignal.of("y", unit(0, 0, 1), FeedbackType.LIKE, null, Double.NaN, Double.NaN)));

        assertThat(liked.statedPreference()).isFalse();
        assertThat(stated.statedPreference()).isTrue();
        assertThat(later.statedPreference()).as("kept by later feedback").isTrue();
        assertThat(learning.apply(liked, List.of(ProfileSignal.ofText(unit(0, 1, 0), -0.5))).statedPreference())
                .as("a stated dislike is the user's own words too").isTrue();
    }

    @Test
    void feedbackWithoutAVectorStillChangesTheLists() {
        ProfileState after = learning.apply(ProfileState.EMPTY, List.of(
                ProfileSignal.of("n", null, FeedbackType.NOT_INTERESTED, null, Double.NaN, Double.NaN),
                ProfileSignal.of("v", null, FeedbackType.VIEW, null, Double.NaN, Double.NaN)));

        assertThat(after.vector()).isNull();
        assertThat(after.rejected()).containsExactly("n");
        assertThat(after.consumed()).containsExactly("v");
        assertThat(after.events()).isEqualTo(2);
    }

    @Test
    void theCodecGivesBackWhatItWasGiven() {
        ProfileState state = new ProfileState(unit(1, 2, 3), List.of(new Interest(unit(3, 2, 1), 1f,
                List.of("jazz", "ünïcode"), List.of("i1"))), List.of("a"), List.of("a", "b"), List.of("c"), 7, 3, 2, true);

        ProfileState back = ProfileCodec.fromText(ProfileCodec.toText(state));

        assertThat(back.vector()).containsExactly(state.vector());
        assertThat(back.interests().get(0).tags()).containsExactly("jazz", "ünïcode");
        assertThat(back.interests().get(0).centroid()).containsExactly(state.interests().get(0).centroid());
        assertThat(back.consumed()).containsExactly("a", "b");
        assertThat(back.events()).isEqualTo(7);
        assertThat(back.positives()).isEqualTo(3);
        assertThat(back.positivesSinceClustering()).isEqualTo(1);
        assertThat(back.statedPreference()).isTrue();
        assertThat(ProfileCodec.decode(ProfileCodec.encode(ProfileState.EMPTY)).isEmpty()).isTrue();
    }

    @Test
    void profilesStoredInTheFirstFormatStillRead() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(2);
            out.writeFloat(0.6f);
            out.writeFloat(0.8f);
            out.writeShort(0);
            for (int list = 0; list < 3; list++) {
                out.writeInt(1);
                out.writeUTF("item-" + list);
            }
            out.writeInt(4);
            out.writeInt(2);
            out.writeInt(1);
        }

        ProfileState old = ProfileCodec.decode(bytes.toByteArray());

        assertThat(old.vector()).containsExactly(0.6f, 0.8f);
        assertThat(old.liked()).containsExactly("item-0");
        assertThat(old.rejected()).containsExactly("item-2");
        assertThat(old.events()).isEqualTo(4);
        assertThat(old.positivesSinceClustering()).isEqualTo(1);
    }
}
