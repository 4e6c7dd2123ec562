package org.recsys.domain.model.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A job's schedule: a cron expression, whether it is on, and the next and last time it ran by itself. */
@Entity
@Table(name = "job_schedule")
public class JobSchedule {

    @Id
    @Column(name = "job_name")
    private String jobName;

    @Column(nullable = false)
    private String cron;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "next_run")
    private Instant nextRun;

    @Column(name = "last_run")
    private Instant lastRun;

    @Column(name = "last_execution_id")
    private Long lastExecutionId;

    protected JobSchedule() {
    }

    public JobSchedule(String jobName, String cron, boolean enabled, Instant nextRun) {
        this.jobName = jobName;
        this.cron = cron;
        this.enabled = enabled;
        this.nextRun = nextRun;
    }

    public void change(String cron, boolean enabled, Instant nextRun) {
        this.cron = cron;
        this.enabled = enabled;
        this.nextRun = nextRun;
    }

    public void ran(Instant at, long executionId) {
        this.lastRun = at;
        this.lastExecutionId = executionId;
    }

    public String jobName() {
        return jobName;
    }

    public String cron() {
        return cron;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant nextRun() {
        return nextRun;
    }

    public Instant lastRun() {
        return lastRun;
    }

    public Long lastExecutionId() {
        return lastExecutionId;
    }
}
