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

/** Feedback events older than their retention period, by id; none by default (feedback is kept). */
@Named
@Dependent
public class ExpiredFeedbackReader extends ExpiredRowsReader<Long, FeedbackEvent> {

    @Inject
    FeedbackRepository feedback;

    @Override
    protected Optional<Instant> cutoff(RetentionPolicy policy, Instant now) {
        return policy.feedbackBefore(now);
    }

    @Override
    protected List<FeedbackEvent> expired(Instant before, Long after, int limit) {
        return feedback.occurredBefore(before, after, limit);
    }

    @Override
    protected long countExpired(Instant before) {
        return feedback.countOccurredBefore(before);
    }

    @Override
    protected Long keyOf(FeedbackEvent event) {
        return event.id();
    }
}
