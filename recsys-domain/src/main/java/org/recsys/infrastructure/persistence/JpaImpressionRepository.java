package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.impression.Impression;
import org.recsys.domain.model.impression.ImpressionRepository;

@ApplicationScoped
public class JpaImpressionRepository implements ImpressionRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaImpressionRepository() {
    }

    /** For use outside the container. */
    public JpaImpressionRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Impression> find(String recommendationId) {
        return Optional.ofNullable(em.find(Impression.class, recommendationId));
    }

    @Override
    public void store(Impression impression) {
        em.persist(impression);
    }

    @Override
    public int removeForUser(String userId) {
        return em.createQuery("delete from Impression i where i.userId = :user")
                .setParameter("user", userId).executeUpdate();
    }

    @Override
    public List<Impression> listForUser(String userId, String afterId, int limit) {
        return em.createQuery("select i from Impression i where i.userId = :user and i.recommendationId > :after "
                        + "order by i.recommendationId", Impression.class)
                .setParameter("user", userId).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<String> idsCreatedBefore(Instant cutoff, String afterId, int limit) {
        return em.createQuery("select i.recommendationId from Impression i where i.createdAt < :cutoff "
                        + "and i.recommendationId > :after order by i.recommendationId", String.class)
                .setParameter("cutoff", cutoff).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long countCreatedBefore(Instant cutoff) {
        return em.createQuery("select count(i) from Impression i where i.createdAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff).getSingleResult();
    }

    @Override
    public int removeAll(Collection<String> recommendationIds) {
        if (recommendationIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from Impression i where i.recommendationId in :ids")
                .setParameter("ids", recommendationIds).executeUpdate();
    }

    @Override
    public long count() {
        return em.createQuery("select count(i) from Impression i", Long.class).getSingleResult();
    }
}
