package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.jobs.JobProgress;
import org.recsys.domain.model.impression.ImpressionRepository;

/** Deletes a chunk of expired impressions in the chunk's transaction: short, so no long lock on the table. */
@Named
@Dependent
public class ImpressionRemovalWriter extends AbstractItemWriter {

    @Inject
    ImpressionRepository impressions;
    @Inject
    JobContext job;
    @Inject
    JobProgress progress;

    @Override
    public void writeItems(List<Object> ids) {
        impressions.removeAll(ids.stream().map(String.class::cast).toList());
        progress.advance(job.getExecutionId(), ids.size());
    }
}
