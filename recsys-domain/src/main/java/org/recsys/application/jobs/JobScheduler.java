package org.recsys.application.jobs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.CronTrigger;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.InvalidInputException;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.domain.model.schedule.JobSchedule;
import org.recsys.domain.model.schedule.JobScheduleRepository;

/**
 * Starts jobs by their schedules. Schedules start from configuration ({@code recsys.jobs.schedule.<job>} = a cron
 * expression in UTC, seconds optional, e.g. {@code 0 3 * * *}) the first time the database has none for a job, and
 * can then be changed at run time through the API. Every member checks for due schedules every
 * {@code recsys.jobs.scheduler-tick-seconds}; the one whose compare-and-set on the schedule's next run succeeds starts
 * the job, so each due run starts once in the cluster.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Inject
    JobScheduleRepository schedules;
    @Inject
    JobService jobs;
    @Inject
    JobClaims claims;
    @Inject
    Transactions transactions;
    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "recsys.jobs.scheduler-tick-seconds", defaultValue = "15")
    long tickSeconds;

    @Resource
    ManagedScheduledExecutorService executor;

    Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> ticking;

    /** Seeds schedules from configuration and starts checking for due runs. */
    public synchronized void start() {
        for (JobDefinition job : JobDefinition.values()) {
            // Configuration wins; "off" turns a default schedule off (MicroProfile Config reads "" as unset).
            Optional<String> configured = config.getOptionalValue("recsys.jobs.schedule." + job.jobName(),
                    String.class);
            Optional<String> cron = (configured.isPresent() ? configured : job.defaultSchedule())
                    .filter(c -> !c.isBlank() && !c.equalsIgnoreCase("off"));
            if (job.startable() && cron.isPresent()) {
                transactions.inNewTransaction(() -> {
                    if (schedules.find(job.jobName()).isEmpty()) {
                        schedules.store(new JobSchedule(job.jobName(), cron.get(), true, next(cron.get(),
                                clock.instant())));
                        LOG.info(() -> "Scheduled " + job.jobName() + " at '" + cron.get() + "' (UTC)");
                    }
                    return null;
                });
            }
        }
        if (claims.lease().getSeconds() < 3 * tickSeconds) {
            LOG.warning(() -> "recsys.jobs.lease-seconds (" + claims.lease().getSeconds() + ") is under three "
                    + "scheduler ticks (" + tickSeconds + " s each): a busy member may lose its running jobs to "
                    + "another member, which then runs them a second time");
        }
        if (ticking == null) {
            ticking = executor.scheduleWithFixedDelay(this::tick, tickSeconds, tickSeconds, TimeUnit.SECONDS);
        }
    }

    @Transactional
    public List<JobSchedule> all() {
        return schedules.findAll();
    }

    @Transactional
    public Optional<JobSchedule> of(String jobName) {
        return schedules.find(jobName);
    }

    /**
     * Sets (or creates) a job's schedule; takes effect at the next tick on every member. The request is checked
     * before the transaction, so that a client's mistake is no incident (see {@code Transactions}).
     */
    public JobSchedule change(String jobName, String cron, boolean enabled) {
        JobDefinition job = JobDefinition.byName(jobName).orElseThrow(() -> new UnknownEntityException("job",
                jobName));
        if (!job.startable()) {
            throw new InvalidInputException("job", jobName + " needs a file and cannot run on a schedule");
        }
        if (cron == null || cron.isBlank()) {
            throw new InvalidInputException("cron", "is required, e.g. \"0 3 * * *\" (every day at 03:00 UTC)");
        }
        Instant next = next(cron.strip(), clock.instant());
        return transactions.inTransaction(() -> store(jobName, cron.strip(), enabled, next));
    }

    private JobSchedule store(String jobName, String cron, boolean enabled, Instant next) {
        Optional<JobSchedule> existing = schedules.find(jobName);
        if (existing.isPresent()) {
            existing.get().change(cron, enabled, next);
            return existing.get();
        }
        JobSchedule created = new JobSchedule(jobName, cron, enabled, next);
        schedules.store(created);
        return created;
    }

    /** The first run time of a cron expression strictly after {@code after}, to the second. */
    static Instant next(String cron, Instant after) {
        CronTrigger trigger;
        try {
            trigger = new CronTrigger(cron, ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new InvalidInputException("cron", "'" + cron + "' is not a cron expression: " + e.getMessage()
                    + "; use [seconds] minutes hours day-of-month month day-of-week, e.g. \"0 3 * * *\"");
        }
        ZonedDateTime next = trigger.getNextRunTime(null, after.atZone(ZoneOffset.UTC));
        if (next == null) {
            throw new InvalidInputException("cron", "'" + cron + "' never fires");
        }
        return next.toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Keeps this member's job claims alive, starts again the jobs of members that stopped renewing theirs, and starts
     * every due job whose run this member claims first.
     */
    void tick() {
        takeOverAbandonedJobs();
        try {
            Instant now = clock.instant();
            for (JobSchedule schedule : transactions.inNewTransaction(schedules::findAll)) {
                if (!schedule.enabled() || schedule.nextRun() == null || schedule.nextRun().isAfter(now)) {
                    continue;
                }
                Instant following = next(schedule.cron(), now);
                boolean mine = transactions.inNewTransaction(() -> schedules.claim(schedule.jobName(),
                        schedule.nextRun(), following));
                if (mine && claims.running(schedule.jobName())) {
                    LOG.info(() -> "Schedule skipped " + schedule.jobName() + " at " + schedule.nextRun()
                            + ": an execution of it still runs (a live claim); next run " + following);
                } else if (mine) {
                    JobRun run = jobs.start(schedule.jobName());
                    transactions.inNewTransaction(() -> {
                        schedules.find(schedule.jobName()).ifPresent(s -> s.ran(now, run.executionId()));
                        return null;
                    });
                    LOG.info(() -> "Schedule started " + schedule.jobName() + " as execution " + run.executionId()
                            + "; next run " + following);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking job schedules failed; trying again at the next tick", e);
        }
    }

    private void takeOverAbandonedJobs() {
        try {
            for (JobClaims.TakenOver abandoned : claims.maintain()) {
                try {
                    JobRun run = jobs.start(abandoned.jobName(), abandoned.scope());
                    LOG.warning(() -> "Started " + abandoned.jobName() + " again as execution " + run.executionId()
                            + " in place of execution " + abandoned.previousExecution() + " of "
                            + abandoned.previousMember());
                } catch (RuntimeException e) {
                    claims.giveUp(abandoned.jobName());
                    LOG.log(Level.WARNING, "Could not start " + abandoned.jobName() + " again; the next tick of any "
                            + "member tries again", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking job claims failed; trying again at the next tick", e);
        }
    }
}
