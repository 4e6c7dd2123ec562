package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.schedule.JobClaim;
import org.recsys.domain.model.schedule.JobClaimRepository;

@ApplicationScoped
public class JpaJobClaimRepository implements JobClaimRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaJobClaimRepository() {
    }

    /** For use outside the container. */
    public JpaJobClaimRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<JobClaim> findAll() {
        return em.createQuery("select c from JobClaim c order by c.jobName", JobClaim.class).getResultList();
    }

    @Override
    public Instant now() {
        // Hibernate's HQL 'instant' is the database's current timestamp (CURRENT_TIMESTAMP on H2 and PostgreSQL).
        return em.createQuery("select instant", Instant.class).getSingleResult();
    }

    @Override
    public Optional<JobClaim> find(String jobName) {
        return Optional.ofNullable(em.find(JobClaim.class, jobName));
    }

    @Override
    public void claim(String jobName, String member, long executionId, String scope, Instant at, Instant until) {
        JobClaim existing = em.find(JobClaim.class, jobName);
        if (existing == null) {
            em.persist(new JobClaim(jobName, member, executionId, scope, at, until));
        } else {
            existing.startedAgain(member, executionId, scope, at, until);
        }
        em.flush();
    }

    @Override
    public boolean renew(String jobName, String member, long executionId, Instant until) {
        return em.createQuery("update JobClaim c set c.expiresAt = :until where c.jobName = :job "
                        + "and c.member = :member and c.executionId = :execution")
                .setParameter("until", until).setParameter("job", jobName).setParameter("member", member)
                .setParameter("execution", executionId).executeUpdate() == 1;
    }

    @Override
    public boolean release(String jobName, String member, long executionId) {
        return em.createQuery("delete from JobClaim c where c.jobName = :job and c.member = :member "
                        + "and c.executionId = :execution")
                .setParameter("job", jobName).setParameter("member", member).setParameter("execution", executionId)
                .executeUpdate() == 1;
    }

    @Override
    public boolean expire(String jobName, String member, Instant at) {
        return em.createQuery("update JobClaim c set c.expiresAt = :at where c.jobName = :job "
                        + "and c.member = :member and c.executionId is null")
                .setParameter("at", at).setParameter("job", jobName).setParameter("member", member)
                .executeUpdate() == 1;
    }

    @Override
    public boolean takeOver(String jobName, String previousMember, Instant previousExpiry, String member,
                            Instant at, Instant until) {
        return em.createQuery("update JobClaim c set c.member = :member, c.executionId = null, c.claimedAt = :at, "
                        + "c.expiresAt = :until where c.jobName = :job and c.member = :previous "
                        + "and c.expiresAt = :expiry")
                .setParameter("member", member).setParameter("at", at).setParameter("until", until)
                .setParameter("job", jobName).setParameter("previous", previousMember)
                .setParameter("expiry", previousExpiry).executeUpdate() == 1;
    }
}
