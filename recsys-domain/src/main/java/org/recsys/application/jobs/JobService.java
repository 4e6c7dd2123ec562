package org.recsys.application.jobs;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.recsys.application.ConflictException;
import org.recsys.application.InvalidInputException;
import org.recsys.application.UnknownEntityException;

/**
 * Starts, stops and restarts the application's batch jobs through the standard {@link JobOperator}, which is the
 * same job repository that Liberty's batch REST API, its batchManager client and the Admin Center show.
 */
@ApplicationScoped
public class JobService {

    @Inject
    JobProgress progress;
    @Inject
    JobClaims claims;

    public JobRun start(String jobName) {
        return start(jobName, null);
    }

    /**
     * Starts a job; {@code scope} ({@code all} or {@code changed}, the default) says whether cluster-interests looks
     * at every user or only at those changed since its last completed run. Other jobs take no scope.
     */
    public JobRun start(String jobName, String scope) {
        JobDefinition definition = JobDefinition.byName(jobName).orElseThrow(() -> new UnknownEntityException("job",
                jobName));
        if (!definition.startable()) {
            throw new InvalidInputException("job", definition.jobName() + " needs a file: start it with "
                    + "POST /api/v1/imports");
        }
        Properties parameters = new Properties();
        if (scope != null) {
            if (definition != JobDefinition.CLUSTER_INTERESTS) {
                throw new InvalidInputException("scope", "only cluster-interests takes a scope");
            }
            if (!scope.equals("all") && !scope.equals("changed")) {
                throw new InvalidInputException("scope", "must be all or changed");
            }
            parameters.setProperty("scope", scope);
        }
        long executionId = operator().start(definition.jobName(), parameters);
        claims.started(definition.jobName(), executionId, scope);
        return run(executionId);
    }

    /** Asks a running execution to stop at its next checkpoint. */
    public JobRun stop(long executionId) {
        JobRun run = run(executionId);
        try {
            operator().stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new ConflictException("job execution " + executionId + " is not running (" + run.status() + ")");
        }
        return run(executionId);
    }

    /** Restarts a stopped or failed execution from its last checkpoint, as a new execution of the same instance. */
    public JobRun restart(long executionId) {
        run(executionId);
        try {
            return run(operator().restart(executionId, operator().getParameters(executionId)));
        } catch (JobExecutionAlreadyCompleteException e) {
            throw new ConflictException("job execution " + executionId + " completed; start the job again instead");
        } catch (JobExecutionNotMostRecentException e) {
            throw new ConflictException("job execution " + executionId + " was restarted already; restart the "
                    + "newest execution of its instance");
        } catch (JobRestartException e) {
            throw new ConflictException("job execution " + executionId + " cannot be restarted: " + e.getMessage());
        }
    }

    public JobRun run(long executionId) {
        try {
            return describe(operator().getJobExecution(executionId));
        } catch (RuntimeException e) {
            throw unknownExecutionOr(e, executionId);
        }
    }

    /**
     * A persistent job store wraps "no such execution" in its own exception: that is a 404 for the caller, anything
     * else is a real failure.
     */
    public static RuntimeException unknownExecutionOr(RuntimeException failure, long executionId) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof NoSuchJobExecutionException) {
                return new UnknownEntityException("job execution", executionId);
            }
        }
        return failure;
    }

    /** The newest executions of a job, newest first. */
    public List<JobRun> recent(String jobName, int limit) {
        JobOperator operator = operator();
        List<JobExecution> executions = new ArrayList<>();
        if (!operator.getJobNames().contains(jobName)) {
            return List.of();
        }
        try {
            for (JobInstance instance : operator.getJobInstances(jobName, 0, limit)) {
                executions.addAll(operator.getJobExecutions(instance));
            }
        } catch (NoSuchJobException e) {
            return List.of();
        }
        return executions.stream().sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
                .limit(limit).map(this::describe).toList();
    }

    private JobRun describe(JobExecution execution) {
        long id = execution.getExecutionId();
        JobOperator operator = operator();
        Optional<StepExecution> step = operator.getStepExecutions(id).stream()
                .max(Comparator.comparing(s -> s.getStartTime() == null ? new Date(0) : s.getStartTime()));
        String lastStep = step.map(StepExecution::getStepName).orElse(null);
        String stepName = lastStep;
        long done = step.map(s -> metric(s, Metric.MetricType.WRITE_COUNT)).orElse(0L);
        Long total = null;
        Optional<JobProgress.Step> live = progress.of(id).filter(p -> lastStep == null || p.step().equals(lastStep));
        if (live.isPresent()) {
            done = Math.max(done, live.get().done());
            total = live.get().total();
            stepName = live.get().step();
        }
        long instanceId = operator.getJobInstance(id).getInstanceId();
        return new JobRun(id, instanceId, execution.getJobName(), execution.getBatchStatus().name(),
                execution.getExitStatus(), instant(execution.getCreateTime()), instant(execution.getStartTime()),
                instant(execution.getEndTime()), stepName, done, total);
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        if (step.getMetrics() == null) {
            return 0;
        }
        for (Metric metric : step.getMetrics()) {
            if (metric.getType() == type) {
                return metric.getValue();
            }
        }
        return 0;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
