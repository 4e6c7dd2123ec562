package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.recsys.application.jobs.JobProgress;
import org.recsys.application.models.ModelRegistry;
import org.recsys.application.models.ModelTraining;
import org.recsys.domain.model.registry.ModelKind;

/**
 * Trains one kind of model, measures it next to the serving model on the same hold-out and registers it; the step's
 * and the job's exit status say whether it went live and why.
 */
@Named
@Dependent
public class TrainModelBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String kind;
    @Inject
    ModelTraining training;
    @Inject
    ModelRegistry registry;
    @Inject
    JobContext job;
    @Inject
    StepContext step;
    @Inject
    JobProgress progress;

    @Override
    public String process() {
        ModelKind modelKind = ModelKind.byId(kind).orElseThrow(() -> new IllegalArgumentException(
                "unknown model kind '" + kind + "' in the job XML"));
        progress.begin(job.getExecutionId(), step.getStepName(), 0, 1);
        String outcome = training.train(modelKind).map(registry::register)
                .map(r -> (r.promoted() ? "PROMOTED " : "CANDIDATE ") + r.version().version() + ": " + r.reason())
                .orElse("SKIPPED " + modelKind.id() + ": too little data for a " + modelKind.id() + " model");
        progress.advance(job.getExecutionId(), 1);
        // The step keeps the reason; the job's exit status (512 characters in the batch tables) only what happened to
        // each kind, so that three steps always fit.
        String shown = outcome.length() > 480 ? outcome.substring(0, 480) + "..." : outcome;
        int colon = outcome.indexOf(':');
        String summary = colon < 0 || colon > 150 ? shown.substring(0, Math.min(shown.length(), 150))
                : outcome.substring(0, colon);
        job.setExitStatus(job.getExitStatus() == null ? summary : job.getExitStatus() + " | " + summary);
        return shown;
    }
}
