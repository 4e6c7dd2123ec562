package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
