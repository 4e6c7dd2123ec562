package org.recsys.interfaces.operations.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.recsys.domain.model.user.User;
import org.recsys.domain.model.user.UserRepository;

/**
 * The users whose interests may have changed since this job last completed: feedback received or the user record
 * (preference text) updated after that run started. Every user when the job never completed, or when started with
 * the job parameter {@code scope=all} (e.g. after an encoder change, which moves every item vector).
 */
@Named
@Dependent
public class ChangedUsersReader extends KeyPagedReader<String, String> {

    private static final Logger LOG = Logger.getLogger(ChangedUsersReader.class.getName());

    @Inject
    UserRepository users;
    @Inject
    @BatchProperty
    String scope;

    /** Null: every user. */
    private Instant since;

    @Override
    public void open(Serializable checkpoint) {
        since = "all".equals(scope) ? null : lastCompletedStart().orElse(null);
        LOG.info(() -> since == null ? job.getJobName() + ": every user"
                : job.getJobName() + ": users changed since " + since);
        super.open(checkpoint);
    }

    /** When the newest completed execution of this job started (events received after it are not in it). */
    private Optional<Instant> lastCompletedStart() {
        var operator = BatchRuntime.getJobOperator();
        long current = operator.getJobInstance(job.getExecutionId()).getInstanceId();
        int instances = operator.getJobInstanceCount(job.getJobName());
        return operator.getJobInstances(job.getJobName(), 0, Math.min(instances, 50)).stream()
                .filter(instance -> instance.getInstanceId() != current)
                .flatMap(instance -> operator.getJobExecutions(instance).stream())
                .filter(execution -> execution.getBatchStatus() == BatchStatus.COMPLETED
                        && execution.getStartTime() != null)
                .max(Comparator.comparing(JobExecution::getStartTime))
                .map(execution -> execution.getStartTime().toInstant());
    }

    @Override
    protected List<String> page(String after, int limit) {
        return since == null ? users.listAfter(after, limit).stream().map(User::id).toList()
                : users.changedSince(since, after, limit);
    }

    @Override
    protected String keyOf(String userId) {
        return userId;
    }

    @Override
    protected long total() {
        return since == null ? users.count() : users.countChangedSince(since);
    }
}
