package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import org.recsys.application.jobs.JobReports;
import org.recsys.application.retention.RetentionPolicy;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.impression.ImpressionRepository;
import org.recsys.domain.model.item.ItemRepository;

/**
 * Reports what the deleting steps of this execution removed and what is left, per kind of record (the chunk steps by
 * their write counts, the item removal notes by their step's exit status).
 */
@Named
@Dependent
public class RetentionReportBatchlet extends AbstractBatchlet {

    static final String IMPRESSION_STEP = "impressions";
    static final String FEEDBACK_STEP = "feedback";
    static final String ITEM_REMOVAL_STEP = "item-removals";

    @Inject
    JobContext job;
    @Inject
    JobReports reports;
    @Inject
    RetentionPolicy retention;
    @Inject
    ImpressionRepository impressions;
    @Inject
    FeedbackRepository feedback;
    @Inject
    ItemRepository items;

    @Override
    public String process() {
        long removedImpressions = removedBy(IMPRESSION_STEP);
        long removedFeedback = removedBy(FEEDBACK_STEP);
        long removedNotes = stepsOf(ITEM_REMOVAL_STEP).map(StepExecution::getExitStatus)
                .filter(s -> s != null && s.matches("\\d+")).mapToLong(Long::parseLong).sum();
        JsonObjectBuilder body = Json.createObjectBuilder().add("executionId", job.getExecutionId())
                .add("impressions", Json.createObjectBuilder().add("retentionDays", retention.impressionDays())
                        .add("removed", removedImpressions).add("remaining", impressions.count()))
                .add("feedback", Json.createObjectBuilder().add("retentionDays", retention.feedbackDays())
                        .add("removed", removedFeedback).add("remaining", feedback.count()))
                .add("itemRemovals", Json.createObjectBuilder().add("retentionDays", retention.itemRemovalDays())
                        .add("removed", removedNotes).add("remaining", items.countRemovals()));
        reports.store(job.getJobName(), job.getExecutionId(), body.build());
        String summary = removedImpressions + " impressions, " + removedFeedback + " feedback events and "
                + removedNotes + " item removal notes removed";
        job.setExitStatus(summary);
        return "COMPLETED: " + summary;
    }

    /** Rows the step's writer was given in this execution (a restart counts only what it did itself). */
    private long removedBy(String stepName) {
        return stepsOf(stepName).map(StepExecution::getMetrics).flatMap(Arrays::stream)
                .filter(m -> m.getType() == Metric.MetricType.WRITE_COUNT)
                .mapToLong(Metric::getValue).sum();
    }

    private java.util.stream.Stream<StepExecution> stepsOf(String stepName) {
        return BatchRuntime.getJobOperator().getStepExecutions(job.getExecutionId()).stream()
                .filter(s -> stepName.equals(s.getStepName()));
    }
}
