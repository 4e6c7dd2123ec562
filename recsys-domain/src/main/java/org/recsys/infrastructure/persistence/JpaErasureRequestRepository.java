package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.recsys.domain.model.erasure.ErasureRequest;
import org.recsys.domain.model.erasure.ErasureRequestRepository;

@ApplicationScoped
public class JpaErasureRequestRepository implements ErasureRequestRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaErasureRequestRepository() {
    }

    /** For use outside the container. */
    public JpaErasureRequestRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(ErasureRequest request) {
        em.persist(request);
    }

    @Override
    public List<ErasureRequest> pending() {
        return em.createQuery("select r from ErasureRequest r where r.completedAt is null order by r.id",
                ErasureRequest.class).getResultList();
    }
}
