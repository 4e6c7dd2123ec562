package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.profile.UserProfile;
import org.recsys.domain.model.profile.UserProfileRepository;

@ApplicationScoped
public class JpaUserProfileRepository implements UserProfileRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaUserProfileRepository() {
    }

    /** For use outside the container. */
    public JpaUserProfileRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserProfile> find(String userId) {
        return Optional.ofNullable(em.find(UserProfile.class, userId));
    }

    @Override
    public List<UserProfile> lockAll(Collection<String> userIds) {
        return KeyLookups.load(em, UserProfile.class, "user_profile", "user_id", userIds, true);
    }

    @Override
    public void store(UserProfile profile) {
        if (!em.contains(profile)) {
            em.persist(profile);
            // Inserted now, so that a concurrent first profile shows as a unique-key conflict that the feedback
            // write retries, not as a failed commit.
            em.flush();
        }
    }

    @Override
    public List<UserProfile> listAfter(String afterUserId, int limit) {
        return em.createQuery("select p from UserProfile p where p.userId > :after order by p.userId",
                        UserProfile.class)
                .setParameter("after", afterUserId == null ? "" : afterUserId).setMaxResults(limit).getResultList();
    }
}
