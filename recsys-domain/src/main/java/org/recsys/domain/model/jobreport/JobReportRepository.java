package org.recsys.domain.model.jobreport;

import java.util.List;
import java.util.Optional;

/** Job reports, newest first. */
public interface JobReportRepository {

    void store(JobReport report);

    Optional<JobReport> latest(String jobName);

    List<JobReport> list(String jobName, int limit);

    /** Reports whose body contains {@code text} (managed: changes are stored with the transaction). */
    List<JobReport> mentioning(String text);
}
