package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.recsys.domain.model.consoleuser.ConsoleUser;
import org.recsys.domain.model.consoleuser.ConsoleUserRepository;

@ApplicationScoped
public class JpaConsoleUserRepository implements ConsoleUserRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    @Override
    public Optional<ConsoleUser> find(String username) {
        return Optional.ofNullable(em.find(ConsoleUser.class, username));
    }

    @Override
    public List<ConsoleUser> findAll() {
        return em.createQuery("select u from ConsoleUser u order by u.username", ConsoleUser.class).getResultList();
    }

    @Override
    public void store(ConsoleUser user) {
        em.persist(user);
        em.flush();
    }
}
