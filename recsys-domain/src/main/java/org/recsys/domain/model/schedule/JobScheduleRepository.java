package org.recsys.domain.model.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Job schedules. */
public interface JobScheduleRepository {

    List<JobSchedule> findAll();

    Optional<JobSchedule> find(String jobName);

    void store(JobSchedule schedule);

    /**
     * Moves a due schedule's next run from {@code expected} to {@code next} only if no other member did so first:
     * true for exactly one caller per due run.
     */
    boolean claim(String jobName, Instant expected, Instant next);
}
