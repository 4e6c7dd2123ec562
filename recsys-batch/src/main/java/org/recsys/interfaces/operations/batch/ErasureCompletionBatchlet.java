package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.recsys.application.privacy.ErasureCompletion;

/** Retrains the rating model without erased users and purges the versions that held them. */
@Named
@Dependent
public class ErasureCompletionBatchlet extends AbstractBatchlet {

    @Inject
    ErasureCompletion completion;
    @Inject
    JobContext job;

    @Override
    public String process() {
        String summary = completion.complete();
        job.setExitStatus(summary);
        return summary;
    }
}
