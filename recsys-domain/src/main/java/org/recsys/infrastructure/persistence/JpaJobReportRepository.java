package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.jobreport.JobReport;
import org.recsys.domain.model.jobreport.JobReportRepository;

@ApplicationScoped
public class JpaJobReportRepository implements JobReportRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaJobReportRepository() {
    }

    /** For use outside the container. */
    public JpaJobReportRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(JobReport report) {
        em.persist(report);
    }

    @Override
    public Optional<JobReport> latest(String jobName) {
        return list(jobName, 1).stream().findFirst();
    }

    @Override
    public List<JobReport> list(String jobName, int limit) {
        return em.createQuery("select r from JobReport r where r.jobName = :job order by r.createdAt desc, r.id desc",
                JobReport.class).setParameter("job", jobName).setMaxResults(limit).getResultList();
    }

    @Override
    public List<JobReport> mentioning(String text) {
        // An id's '_' is a LIKE wildcard: it can only widen the match, and callers look at what they get.
        return em.createQuery("select r from JobReport r where r.body like :text", JobReport.class)
                .setParameter("text", "%" + text + "%").getResultList();
    }
}
