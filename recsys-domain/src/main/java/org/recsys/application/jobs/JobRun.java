package org.recsys.application.jobs;

import java.time.Instant;

/**
 * One execution of a job as operations see it.
 *
 * @param executionId the Jakarta Batch execution id (also in Liberty's batch REST API and batchManager)
 * @param instanceId  the job instance: a restart is a new execution of the same instance
 * @param jobName     the job
 * @param status      STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED or ABANDONED
 * @param exitStatus  what the job said when it ended (e.g. which model was promoted)
 * @param step        the step it is in or ended in
 * @param done        items done in that step
 * @param total       items to do in that step; null when not known on this member
 */
public record JobRun(long executionId, long instanceId, String jobName, String status, String exitStatus,
                     Instant createdAt, Instant startedAt, Instant endedAt, String step, long done, Long total) {
}
