package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.event.FeedbackRemoved;
import org.recsys.application.jobs.JobProgress;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackRepository;

/**
 * Deletes a chunk of expired feedback events in the chunk's transaction; after commit every member's popularity
 * and review counts drop by them. Profiles keep what they learnt (they are aggregates, not the events).
 */
@Named
@Dependent
public class FeedbackRemovalWriter extends AbstractItemWriter {

    @Inject
    FeedbackRepository feedback;
    @Inject
    Event<FeedbackRemoved> removed;
    @Inject
    JobContext job;
    @Inject
    JobProgress progress;

    @Override
    public void writeItems(List<Object> items) {
        List<FeedbackEvent> events = items.stream().map(FeedbackEvent.class::cast).toList();
        feedback.removeAll(events.stream().map(FeedbackEvent::id).toList());
        removed.fire(new FeedbackRemoved(events));
        progress.advance(job.getExecutionId(), events.size());
    }
}
