package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.recsys.application.jobs.JobProgress;

/**
 * Reads rows a page at a time in key order, after the key of the last item of the last committed chunk; reports the
 * step's total to {@link JobProgress} when it opens.
 *
 * @param <K> the key (checkpoint)
 * @param <T> the item handed to the writer
 */
abstract class KeyPagedReader<K extends Serializable, T> extends AbstractItemReader {

    static final int PAGE = 200;

    @Inject
    JobContext job;
    @Inject
    StepContext step;
    @Inject
    JobProgress progress;

    private final Deque<T> page = new ArrayDeque<>();
    private K lastRead;
    private K lastFetched;
    private boolean exhausted;

    /** The next page strictly after {@code after} (null: from the start). */
    protected abstract List<T> page(K after, int limit);

    protected abstract K keyOf(T item);

    /** How many items this step will see, for progress; may be an estimate. */
    protected abstract long total();

    @Override
    @SuppressWarnings("unchecked")
    public void open(Serializable checkpoint) {
        lastRead = (K) checkpoint;
        lastFetched = lastRead;
        progress.begin(job.getExecutionId(), step.getStepName(), 0, total());
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<T> next = page(lastFetched, PAGE);
            exhausted = next.size() < PAGE;
            if (!next.isEmpty()) {
                lastFetched = keyOf(next.get(next.size() - 1));
                page.addAll(next);
            }
        }
        T item = page.poll();
        if (item != null) {
            lastRead = keyOf(item);
        }
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastRead;
    }
}
