package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.recsys.domain.model.user.User;
import org.recsys.domain.model.user.UserRepository;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaUserRepository() {
    }

    /** For use outside the container. */
    public JpaUserRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<User> findForUpdate(String id) {
        return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<User> find(String id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Override
    public List<User> findAll(Collection<String> ids) {
        return KeyLookups.load(em, User.class, "app_user", ids);
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        return KeyLookups.existing(em, "app_user", "id", ids);
    }

    @Override
    public List<User> listAfter(String afterId, int limit) {
        var query = afterId == null
                ? em.createQuery("select u from User u order by u.id", User.class)
                : em.createQuery("select u from User u where u.id > :after order by u.id", User.class)
                        .setParameter("after", afterId);
        return query.setMaxResults(limit).getResultList();
    }

    /** Probes the (user_id, received_at) index once per user: the job's expensive work is for the changed ones. */
    private static final String CHANGED = "(u.updatedAt > :since or exists (select 1 from FeedbackEvent f "
            + "where f.userId = u.id and f.receivedAt > :since))";

    @Override
    public List<String> changedSince(Instant since, String afterId, int limit) {
        var query = em.createQuery("select u.id from User u where " + CHANGED
                + (afterId == null ? "" : " and u.id > :after") + " order by u.id", String.class)
                .setParameter("since", since);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        return query.setMaxResults(limit).getResultList();
    }

    @Override
    public long countChangedSince(Instant since) {
        return em.createQuery("select count(u) from User u where " + CHANGED, Long.class)
                .setParameter("since", since).getSingleResult();
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
    }

    @Override
    public void store(User user) {
        if (!em.contains(user)) {
            em.persist(user);
        }
    }

    @Override
    public void remove(User user) {
        em.remove(em.contains(user) ? user : em.merge(user));
    }
}
