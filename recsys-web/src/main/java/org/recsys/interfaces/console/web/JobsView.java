package org.recsys.interfaces.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.recsys.application.jobs.JobDefinition;
import org.recsys.application.jobs.JobReports;
import org.recsys.application.jobs.JobRun;
import org.recsys.application.jobs.JobScheduler;
import org.recsys.application.jobs.JobService;
import org.recsys.domain.model.consoleuser.ConsoleRole;
import org.recsys.domain.model.schedule.JobSchedule;
import org.recsys.interfaces.security.web.ConsoleAccess;

/** Jobs: start and stop (operators), schedules, progress of recent executions, the latest reports. */
@Named("jobsView")
@RequestScoped
public class JobsView {

    static final int RECENT = 5;
    static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

    @Inject
    JobService jobs;
    @Inject
    JobScheduler scheduler;
    @Inject
    JobReports reports;
    @Inject
    ConsoleAccess access;

    private Map<String, List<JobRun>> recent;
    /** Schedule edits, keyed by job name, bound to the forms. */
    private final Map<String, String> cron = new HashMap<>();
    private final Map<String, Boolean> enabled = new HashMap<>();

    public List<JobDefinition> getJobs() {
        return Arrays.asList(JobDefinition.values());
    }

    public List<JobRun> recent(String jobName) {
        if (recent == null) {
            recent = new HashMap<>();
        }
        return recent.computeIfAbsent(jobName, name -> jobs.recent(name, RECENT));
    }

    public boolean isAnyRunning() {
        return getJobs().stream().anyMatch(job -> recent(job.jobName()).stream()
                .anyMatch(run -> RUNNING.contains(run.status())));
    }

    public boolean running(JobRun run) {
        return RUNNING.contains(run.status());
    }

    public String progress(JobRun run) {
        if (run.total() == null || run.total() == 0) {
            return run.done() == 0 ? "" : run.done() + " done";
        }
        return run.done() + " / " + run.total() + " (" + Math.round(100.0 * run.done() / run.total()) + " %)";
    }

    public JobSchedule schedule(String jobName) {
        return scheduler.of(jobName).orElse(null);
    }

    public String latestReport(String jobName) {
        // list, not latest: a job without reports is normal here, not an error.
        return reports.list(jobName, 1).stream().findFirst().map(r -> r.body()).orElse(null);
    }

    public void start(String jobName) {
        JobRun[] started = new JobRun[1];
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.OPERATOR);
            started[0] = jobs.start(jobName);
        })) {
            Messages.info("Started " + jobName + " (execution " + started[0].executionId() + ").");
        }
        recent = null;
    }

    public void stop(long executionId) {
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.OPERATOR);
            jobs.stop(executionId);
        })) {
            Messages.info("Stopping execution " + executionId + " at its next checkpoint.");
        }
        recent = null;
    }

    public void saveSchedule(String jobName) {
        if (Messages.attempt(() -> {
            access.require(ConsoleRole.OPERATOR);
            scheduler.change(jobName, cron.get(jobName), Boolean.TRUE.equals(enabled.get(jobName)));
        })) {
            Messages.info("Saved the schedule of " + jobName + ".");
        }
    }

    public Map<String, String> getCron() {
        for (JobDefinition job : getJobs()) {
            cron.computeIfAbsent(job.jobName(), name -> {
                JobSchedule s = schedule(name);
                return s == null ? "" : s.cron();
            });
        }
        return cron;
    }

    public Map<String, Boolean> getEnabled() {
        for (JobDefinition job : getJobs()) {
            enabled.computeIfAbsent(job.jobName(), name -> {
                JobSchedule s = schedule(name);
                return s != null && s.enabled();
            });
        }
        return enabled;
    }
}
