package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.application.jobs.JobProgress;
import org.recsys.application.quality.DataCleaning;
import org.recsys.domain.model.feedback.FeedbackCleaning.Example;

/**
 * Cleans a chunk of texts in the chunk's transaction and keeps a tally (count and first examples) in the step's
 * persistent data, which commits with the chunk: the report step reads it, also after a restart.
 */
@Named
@Dependent
public class TextCleaningWriter extends AbstractItemWriter {

    @Inject
    DataCleaning cleaning;
    @Inject
    JobContext job;
    @Inject
    StepContext step;
    @Inject
    JobProgress progress;

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        List<Example> changed = cleaning.cleanTexts((List<Example>) (List<?>) items);
        TextCleaningTally tally = step.getPersistentUserData() instanceof TextCleaningTally kept ? kept
                : TextCleaningTally.NONE;
        step.setPersistentUserData(tally.plus(changed));
        progress.advance(job.getExecutionId(), items.size());
    }
}
