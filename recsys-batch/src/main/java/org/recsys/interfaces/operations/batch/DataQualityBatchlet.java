package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.util.Comparator;
import org.recsys.application.quality.DataCleaning;

/** Applies the set-based data-quality rules and writes the report, with the text step's tally. */
@Named
@Dependent
public class DataQualityBatchlet extends AbstractBatchlet {

    static final String TEXT_STEP = "texts";

    @Inject
    DataCleaning cleaning;
    @Inject
    JobContext job;

    @Override
    public String process() {
        TextCleaningTally tally = textTally();
        JsonObject report = cleaning.applyRules(job.getExecutionId(), tally.changed(), tally.asExamples());
        long touched = report.getJsonArray("rules").getValuesAs(JsonObject.class).stream()
                .mapToLong(r -> r.getJsonNumber("count").longValue()).sum();
        return "COMPLETED: " + touched + " events cleaned, removed or flagged";
    }

    /** The text step's tally from this job instance's newest execution that ran it (a restart may have skipped it). */
    private TextCleaningTally textTally() {
        var operator = BatchRuntime.getJobOperator();
        var instance = operator.getJobInstance(job.getExecutionId());
        return operator.getJobExecutions(instance).stream()
                .sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
                .flatMap(e -> operator.getStepExecutions(e.getExecutionId()).stream())
                .filter(s -> TEXT_STEP.equals(s.getStepName()))
                .map(StepExecution::getPersistentUserData)
                .filter(TextCleaningTally.class::isInstance).map(TextCleaningTally.class::cast)
                .findFirst().orElse(TextCleaningTally.NONE);
    }
}
