package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.schedule.JobSchedule;
import org.recsys.domain.model.schedule.JobScheduleRepository;

@ApplicationScoped
public class JpaJobScheduleRepository implements JobScheduleRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    @Override
    public List<JobSchedule> findAll() {
        return em.createQuery("select s from JobSchedule s order by s.jobName", JobSchedule.class).getResultList();
    }

    @Override
    public Optional<JobSchedule> find(String jobName) {
        return Optional.ofNullable(em.find(JobSchedule.class, jobName));
    }

    @Override
    public void store(JobSchedule schedule) {
        em.persist(schedule);
        em.flush();
    }

    @Override
    public boolean claim(String jobName, Instant expected, Instant next) {
        return em.createQuery("update JobSchedule s set s.nextRun = :next where s.jobName = :job "
                        + "and s.nextRun = :expected and s.enabled = true")
                .setParameter("next", next).setParameter("job", jobName).setParameter("expected", expected)
                .executeUpdate() == 1;
    }
}
