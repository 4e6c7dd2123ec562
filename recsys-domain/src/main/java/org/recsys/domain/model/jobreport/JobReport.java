package org.recsys.domain.model.jobreport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One report of one job execution; its body is a JSON document whose shape depends on the job. */
@Entity
@Table(name = "job_report")
public class JobReport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_report_seq")
    @SequenceGenerator(name = "job_report_seq", sequenceName = "job_report_seq", allocationSize = 1)
    private Long id;

    @Column(name = "job_name", nullable = false)
    private String jobName;

    @Column(name = "job_execution_id", nullable = false)
    private long jobExecutionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private String body;

    protected JobReport() {
    }

    public JobReport(String jobName, long jobExecutionId, Instant createdAt, String body) {
        this.jobName = jobName;
        this.jobExecutionId = jobExecutionId;
        this.createdAt = createdAt;
        this.body = body;
    }

    public Long id() {
        return id;
    }

    public String jobName() {
        return jobName;
    }

    public long jobExecutionId() {
        return jobExecutionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String body() {
        return body;
    }

    /** Replaces the body, e.g. without the examples of an erased user. */
    public void replaceBody(String newBody) {
        this.body = java.util.Objects.requireNonNull(newBody);
    }
}
