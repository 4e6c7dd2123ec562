package org.recsys.domain.model.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedbackTypeTest {

    @Test
    void ratingsNeedStarsFromOneToFive() {
        assertThat(FeedbackType.RATING.check(null, null)).hasValueSatisfying(p -> assertThat(p.field())
                .isEqualTo("value"));
        assertThat(FeedbackType.RATING.check(0.5, null)).isPresent();
        assertThat(FeedbackType.RATING.check(5.5, null)).isPresent();
        assertThat(FeedbackType.RATING.check(1.0, null)).isEmpty();
        assertThat(FeedbackType.RATING.check(4.5, null)).isEmpty();
    }

    @Test
    void reviewsNeedTextAndOptionalStars() {
        assertThat(FeedbackType.REVIEW.check(4.0, " ")).hasValueSatisfying(p -> assertThat(p.field())
                .isEqualTo("text"));
        assertThat(FeedbackType.REVIEW.check(null, "fine")).isEmpty();
        assertThat(FeedbackType.REVIEW.check(7.0, "fine")).isPresent();
    }

    @Test
    void otherTypesTakeAnyFiniteValue() {
        assertThat(FeedbackType.VIEW.check(null, null)).isEmpty();
        assertThat(FeedbackType.VIEW.check(35.0, null)).isEmpty();
        assertThat(FeedbackType.CLICK.check(Double.NaN, null)).isPresent();
        assertThat(FeedbackType.PURCHASE.check(Double.POSITIVE_INFINITY, null)).isPresent();
    }

    @Test
    void onlyDislikesAndNotInterestedAreRejections() {
        assertThat(FeedbackType.values()).filteredOn(FeedbackType::isRejection)
                .containsExactlyInAnyOrder(FeedbackType.DISLIKE, FeedbackType.NOT_INTERESTED);
    }
}
