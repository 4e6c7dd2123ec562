package org.recsys.interfaces.operations.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.recsys.application.retention.RetentionPolicy;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackRepository;

/** Feedback events older than their retention period, by id; none when feedback is kept for ever (the default). */
@Named
@Dependent
public class ExpiredFeedbackReader extends KeyPagedReader<Long, FeedbackEvent> {

    @Inject
    FeedbackRepository feedback;
    @Inject
    RetentionPolicy retention;

    private Optional<Instant> cutoff;

    private Optional<Instant> cutoff() {
        if (cutoff == null) {
            cutoff = retention.feedbackBefore(Instant.now());
        }
        return cutoff;
    }

    @Override
    protected List<FeedbackEvent> page(Long after, int limit) {
        return cutoff().map(before -> feedback.occurredBefore(before, after, limit)).orElse(List.of());
    }

    @Override
    protected Long keyOf(FeedbackEvent event) {
        return event.id();
    }

    @Override
    protected long total() {
        return cutoff().map(feedback::countOccurredBefore).orElse(0L);
    }
}
