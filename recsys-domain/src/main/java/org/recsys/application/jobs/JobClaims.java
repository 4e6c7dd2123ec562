package org.recsys.application.jobs;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.domain.model.schedule.JobClaim;
import org.recsys.domain.model.schedule.JobClaimRepository;
import org.recsys.infrastructure.cluster.RecsysCluster;

/**
 * Leases on running jobs, so that a job whose member died is not lost. The member that starts a job claims it in the
 * database with a lease of {@code recsys.jobs.lease-seconds}, renews the lease at every scheduler tick while its
 * execution runs and drops the claim once the execution has ended (however it ended: a failed or stopped job is not
 * started again). A claim whose lease ran out was left by a member that died or hangs: the first member to take it
 * over (a compare-and-set) starts the job anew. Liberty cannot restart another server's execution that still reads
 * STARTED, and every startable job is safe to run again, so a fresh execution is the takeover.
 *
 * <p>Our own rather than a library's because the job store is Liberty's: the lease only has to outlive the
 * execution it names, and the claim table sits next to the schedules that already use the same compare-and-set.
 * Leases are written and compared with the database's clock, not the members' own, so members whose clocks differ
 * still agree on when a lease ran out.
 */
@ApplicationScoped
public class JobClaims {

    private static final Logger LOG = Logger.getLogger(JobClaims.class.getName());
    private static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED,
            BatchStatus.STOPPING);

    @Inject
    JobClaimRepository claims;
    @Inject
    Transactions transactions;
    @Inject
    RecsysCluster cluster;
    @Inject
    MetricRegistry metrics;

    /** How long a claim lives without renewal: long enough to outlast a few missed ticks and a long GC pause. */
    @Inject
    @ConfigProperty(name = "recsys.jobs.lease-seconds", defaultValue = "60")
    long leaseSeconds;

    /** A claim this member took over: the job to start again, and whose it was. */
    public record TakenOver(String jobName, String scope, String previousMember, Long previousExecution) {
    }

    /**
     * This JVM's name in claims: the cluster member's name plus a suffix of its own, so that a member restarted
     * under a configured node name (or two members misconfigured with one) never mistakes another run's claims for
     * its own.
     */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    String member() {
        return cluster.nodeName() + "/" + run;
    }

    /**
     * Records that this member started an execution of a job. The execution runs whether or not this succeeds; it is
     * then only not taken over should this member die.
     */
    void started(String jobName, long executionId, String scope) {
        try {
            transactions.inNewTransaction(() -> {
                Instant now = claims.now();
                claims.claim(jobName, member(), executionId, scope, now, now.plus(lease()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not claim execution " + executionId + " of " + jobName + "; it runs, but "
                    + "no other member will start it again should this one die", e);
        }
    }

    /**
     * A claim taken over whose job could not be started: its lease ends now, so that the next tick of any member
     * (this one included) takes it over and tries again.
     */
    void giveUp(String jobName) {
        transactions.inNewTransaction(() -> claims.expire(jobName, member(), claims.now()));
    }

    /**
     * Renews the leases of this member's running executions, drops the claims of its ended ones and takes over
     * claims whose lease ran out (another member's, or one this member took over and could not start); returns
     * what it took over, for the caller to start. A claim that fails to be checked is checked again next tick.
     */
    List<TakenOver> maintain() {
        String me = member();
        Map.Entry<Instant, List<JobClaim>> read = transactions.inNewTransaction(
                () -> Map.entry(claims.now(), claims.findAll()));
        Instant now = read.getKey();
        List<TakenOver> takenOver = new ArrayList<>();
        for (JobClaim claim : read.getValue()) {
            try {
                boolean mine = claim.member().equals(me);
                if (mine && claim.executionId() != null) {
                    Optional<Boolean> running = running(claim.executionId());
                    if (running.isPresent() && running.get()) {
                        transactions.inNewTransaction(() -> claims.renew(claim.jobName(), me, claim.executionId(),
                                now.plus(lease())));
                    } else if (running.isPresent()) {
                        transactions.inNewTransaction(() -> claims.release(claim.jobName(), me,
                                claim.executionId()));
                    }
                } else if (claim.expiresAt().isBefore(now) && transactions.inNewTransaction(() -> claims.takeOver(
                        claim.jobName(), claim.member(), claim.expiresAt(), me, now, now.plus(lease())))) {
                    takenOver.add(new TakenOver(claim.jobName(), claim.scope(), claim.member(),
                            claim.executionId()));
                    counter().inc();
                    LOG.warning(() -> "Taking over " + claim.jobName() + ": member " + claim.member()
                            + " stopped renewing its claim on execution " + claim.executionId() + " (lease ran out "
                            + "at " + claim.expiresAt() + "); starting the job again here");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Checking the claim on " + claim.jobName() + " failed; trying again at the "
                        + "next tick", e);
            }
        }
        return takenOver;
    }

    /** Whether a live claim holds the job: an execution of it still runs, here or on another member. */
    boolean running(String jobName) {
        return transactions.inNewTransaction(() -> {
            Instant now = claims.now();
            return claims.find(jobName).filter(c -> !c.expiresAt().isBefore(now)).isPresent();
        });
    }

    /**
     * Whether this member's own execution still runs, as its job store has it: empty when the store could not be
     * read (the claim is then kept), false when it ended or the store does not know it.
     */
    private static Optional<Boolean> running(long executionId) {
        try {
            return Optional.of(RUNNING.contains(BatchRuntime.getJobOperator().getJobExecution(executionId)
                    .getBatchStatus()));
        } catch (RuntimeException e) {
            if (JobService.unknownExecutionOr(e, executionId) instanceof UnknownEntityException) {
                return Optional.of(false);
            }
            LOG.log(Level.WARNING, "Could not read the status of execution " + executionId + "; keeping its claim",
                    e);
            return Optional.empty();
        }
    }

    Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    private Counter counter() {
        return metrics.counter(Metadata.builder().withName("recsys.jobs.taken.over")
                .withDescription("Jobs this member started again because the member running them stopped renewing "
                        + "its claim").build());
    }
}
