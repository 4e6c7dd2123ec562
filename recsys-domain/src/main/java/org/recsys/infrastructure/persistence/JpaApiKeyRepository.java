package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.apikey.ApiKey;
import org.recsys.domain.model.apikey.ApiKeyRepository;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    @Override
    public Optional<ApiKey> find(String id) {
        return Optional.ofNullable(em.find(ApiKey.class, id));
    }

    @Override
    public Optional<ApiKey> findByTokenHash(String tokenHash) {
        return em.createQuery("select k from ApiKey k where k.tokenHash = :hash", ApiKey.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public List<ApiKey> findAll() {
        return em.createQuery("select k from ApiKey k order by k.createdAt desc, k.id", ApiKey.class)
                .getResultList();
    }

    @Override
    public void store(ApiKey key) {
        em.persist(key);
        em.flush();
    }
}
