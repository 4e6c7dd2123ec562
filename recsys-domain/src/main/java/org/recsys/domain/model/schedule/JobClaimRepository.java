package org.recsys.domain.model.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Claims on running jobs. Every change that another member may race is a compare-and-set: it names the member (and
 * execution, or lease) it expects and tells whether it won.
 */
public interface JobClaimRepository {

    List<JobClaim> findAll();

    /**
     * The database's clock: every member writes and compares leases by this one clock, so that a member whose own
     * clock runs ahead cannot take over a live claim (nor one that lags keep a dead one).
     */
    Instant now();

    Optional<JobClaim> find(String jobName);

    /** Records that {@code member} started {@code executionId} of a job; a newer start replaces an older claim. */
    void claim(String jobName, String member, long executionId, String scope, Instant at, Instant until);

    /** Extends the lease of a member's own execution; false when the claim is no longer that execution's. */
    boolean renew(String jobName, String member, long executionId, Instant until);

    /** Drops the claim if it is still the member's, for that execution (which ended). */
    boolean release(String jobName, String member, long executionId);

    /** Ends the lease at {@code at} of a claim the member took over and could not start, for the next tick to retry. */
    boolean expire(String jobName, String member, Instant at);

    /**
     * Takes a claim whose lease ran out: wins only if the claim still names {@code previousMember} with that expiry,
     * so that of several members checking at once exactly one starts the job anew.
     */
    boolean takeOver(String jobName, String previousMember, Instant previousExpiry, String member, Instant at,
                     Instant until);
}
