package org.recsys.application.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.recsys.application.ItemDraft;
import org.recsys.application.UserDraft;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.shared.Identifiers;

class DemoCatalogueTest {

    @Test
    void theSameSeedGivesTheSameDemo() {
        assertThat(DemoCatalogue.generate()).isEqualTo(DemoCatalogue.generate());
    }

    @Test
    void everyRecordIsWellFormedAndMarkedSynthetic() {
        DemoCatalogue.Contents demo = DemoCatalogue.generate();
        Set<String> itemIds = demo.items().stream().map(ItemDraft::id).collect(Collectors.toSet());
        Set<String> userIds = demo.users().stream().map(UserDraft::id).collect(Collectors.toSet());

        assertThat(itemIds).hasSize(320).allMatch(Identifiers::isValid);
        assertThat(userIds).hasSize(120).allMatch(Identifiers::isValid);
        assertThat(demo.items()).allSatisfy(i -> assertThat(i.description().attributes())
                .containsEntry("synthetic", "true"));
        assertThat(demo.items().stream().map(i -> i.description().categories().get(0)).distinct()).hasSize(8);
        assertThat(demo.users()).filteredOn(u -> u.preferenceText() != null).hasSizeBetween(50, 90);
        Set<String> keys = new HashSet<>();
        for (NewFeedback event : demo.feedback()) {
            assertThat(event.type().check(event.value(), event.text())).as(event.toString()).isEmpty();
            assertThat(itemIds).contains(event.itemId());
            assertThat(userIds).contains(event.userId());
            assertThat(keys.add(event.idempotencyKey())).isTrue();
        }
        assertThat(demo.feedback()).hasSizeBetween(2_000, 4_000);
        assertThat(demo.feedback().stream().map(NewFeedback::type).distinct()).contains(FeedbackType.REVIEW,
                FeedbackType.RATING, FeedbackType.DISLIKE, FeedbackType.NOT_INTERESTED);
    }

    @Test
    void ratingsAgreeWithTaste() {
        var ratings = DemoCatalogue.generate().feedback().stream()
                .filter(e -> e.type() == FeedbackType.RATING || e.type() == FeedbackType.REVIEW).toList();
        long high = ratings.stream().filter(e -> e.value() >= 4).count();

        assertThat(high).isGreaterThan(ratings.size() / 2);
        assertThat(ratings.stream().filter(e -> e.value() >= 4 && e.text() != null))
                .allMatch(e -> !e.text().startsWith("Disappointing") && !e.text().startsWith("Terrible"));
    }
}
