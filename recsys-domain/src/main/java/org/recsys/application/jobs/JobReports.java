package org.recsys.application.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.recsys.application.Transactions;
import org.recsys.application.UnknownEntityException;
import org.recsys.domain.model.jobreport.JobReport;
import org.recsys.domain.model.jobreport.JobReportRepository;

/** The reports jobs write (data quality, evaluation), kept per execution. */
@ApplicationScoped
public class JobReports {

    @Inject
    JobReportRepository reports;

    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    /** Stores a report in the caller's transaction (a chunk's or a batchlet's), so it commits with the work. */
    @Transactional
    public JobReport store(String jobName, long executionId, JsonObject body) {
        JobReport report = new JobReport(jobName, executionId, clock.instant(), body.toString());
        reports.store(report);
        return report;
    }

    /** The newest report of a job; thrown outside the transaction (see {@code Transactions}) when there is none. */
    public JobReport latest(String jobName) {
        JobDefinition.byName(jobName).orElseThrow(() -> new UnknownEntityException("job", jobName));
        return transactions.inTransaction(() -> reports.latest(jobName))
                .orElseThrow(() -> new UnknownEntityException("report of job", jobName));
    }

    @Transactional
    public List<JobReport> list(String jobName, int limit) {
        return reports.list(jobName, limit);
    }
}
