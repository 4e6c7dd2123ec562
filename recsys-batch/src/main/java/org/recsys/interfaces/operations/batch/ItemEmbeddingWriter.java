package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.jobs.JobProgress;
import org.recsys.application.serving.LiveCatalogue;

/**
 * Embeds a chunk of items and stores their vectors; every member's catalogue takes them at once, so serving goes on
 * with more and more items embedded by the new encoder.
 */
@Named
@Dependent
public class ItemEmbeddingWriter extends AbstractItemWriter {

    @Inject
    LiveCatalogue catalogue;
    @Inject
    JobContext job;
    @Inject
    JobProgress progress;

    @Override
    public void writeItems(List<Object> items) {
        catalogue.embed(items.stream().map(String.class::cast).toList());
        progress.advance(job.getExecutionId(), items.size());
    }
}
