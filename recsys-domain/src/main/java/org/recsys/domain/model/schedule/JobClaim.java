package org.recsys.domain.model.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which cluster member runs a job now, and until when it has promised to say so again (its lease). The member
 * renews the lease while its execution runs and drops the claim when it ends; a claim whose lease ran out belongs
 * to a member that died or hung, and another member may take it over and start the job anew.
 */
@Entity
@Table(name = "job_claim")
public class JobClaim {

    @Id
    @Column(name = "job_name")
    private String jobName;

    @Column(nullable = false)
    private String member;

    /** The member's execution; null between a takeover and the start of the new execution. */
    @Column(name = "execution_id")
    private Long executionId;

    /** The job's scope parameter, if it had one, so that a takeover starts the same work. */
    private String scope;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected JobClaim() {
    }

    public JobClaim(String jobName, String member, Long executionId, String scope, Instant claimedAt,
                    Instant expiresAt) {
        this.jobName = jobName;
        this.member = member;
        this.executionId = executionId;
        this.scope = scope;
        this.claimedAt = claimedAt;
        this.expiresAt = expiresAt;
    }

    /** The newest start of the job wins the claim: it is the execution whose member must keep it alive. */
    public void startedAgain(String byMember, long execution, String withScope, Instant at, Instant until) {
        member = byMember;
        executionId = execution;
        scope = withScope;
        claimedAt = at;
        expiresAt = until;
    }

    public String jobName() {
        return jobName;
    }

    public String member() {
        return member;
    }

    public Long executionId() {
        return executionId;
    }

    public String scope() {
        return scope;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
