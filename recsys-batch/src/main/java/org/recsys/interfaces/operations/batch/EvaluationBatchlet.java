package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.recsys.application.models.ModelEvaluation;

/** Measures the serving models and stores the evaluation report. */
@Named
@Dependent
public class EvaluationBatchlet extends AbstractBatchlet {

    @Inject
    ModelEvaluation evaluation;
    @Inject
    JobContext job;

    @Override
    public String process() {
        evaluation.evaluate(job.getExecutionId());
        return "COMPLETED";
    }
}
