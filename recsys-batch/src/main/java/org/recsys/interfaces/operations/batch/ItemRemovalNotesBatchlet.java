package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Optional;
import org.recsys.application.Transactions;
import org.recsys.application.jobs.JobProgress;
import org.recsys.application.retention.RetentionPolicy;
import org.recsys.domain.model.item.ItemRepository;

/**
 * Forgets the notes of item removals older than their retention period, {@value #PAGE} at a time, each page in a
 * short transaction of its own. A batchlet rather than a chunk: the notes have no key to checkpoint on, and a
 * restart simply deletes what is still expired. The step's exit status is the number deleted (for the report).
 */
@Named
@Dependent
public class ItemRemovalNotesBatchlet extends AbstractBatchlet {

    static final int PAGE = 500;

    @Inject
    RetentionPolicy retention;
    @Inject
    ItemRepository items;
    @Inject
    Transactions transactions;
    @Inject
    JobContext job;
    @Inject
    StepContext step;
    @Inject
    JobProgress progress;

    private volatile boolean stopped;

    @Override
    public String process() {
        Optional<Instant> before = retention.itemRemovalsBefore(Instant.now());
        long removed = 0;
        if (before.isPresent()) {
            progress.begin(job.getExecutionId(), step.getStepName(), 0,
                    transactions.inNewTransaction(items::countRemovals));
            for (int page; !stopped
                    && (page = transactions.inNewTransaction(() -> items.forgetRemovalsBefore(before.get(), PAGE)))
                    > 0; ) {
                removed += page;
                progress.advance(job.getExecutionId(), page);
            }
        }
        step.setExitStatus(Long.toString(removed));
        return Long.toString(removed);
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
