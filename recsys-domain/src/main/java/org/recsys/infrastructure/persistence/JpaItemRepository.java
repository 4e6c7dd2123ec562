package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.item.ItemRepository;

@ApplicationScoped
public class JpaItemRepository implements ItemRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaItemRepository() {
    }

    /** For use outside the container. */
    public JpaItemRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Item> find(String id) {
        return Optional.ofNullable(em.find(Item.class, id));
    }

    @Override
    public List<Item> findAll(Collection<String> ids) {
        return KeyLookups.load(em, Item.class, "item", ids);
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        return KeyLookups.existing(em, "item", "id", ids);
    }

    @Override
    public List<String> idsChangedSince(java.time.Instant since, int limit) {
        return em.createQuery("select i.id from Item i where i.updatedAt >= :since order by i.updatedAt", String.class)
                .setParameter("since", since).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Item> listAfter(String afterId, String query, int limit) {
        StringBuilder jpql = new StringBuilder("select i from Item i where 1 = 1");
        if (afterId != null) {
            jpql.append(" and i.id > :after");
        }
        if (query != null && !query.isBlank()) {
            jpql.append(" and (lower(i.title) like :pattern escape '\\' or lower(i.description) like :pattern escape '\\')");
        }
        TypedQuery<Item> typed = em.createQuery(jpql.append(" order by i.id").toString(), Item.class);
        if (afterId != null) {
            typed.setParameter("after", afterId);
        }
        if (query != null && !query.isBlank()) {
            typed.setParameter("pattern", "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return typed.setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(i) from Item i", Long.class).getSingleResult();
    }

    @Override
    public void store(Item item) {
        if (!em.contains(item)) {
            em.persist(item);
        }
    }

    @Override
    public void remove(Item item) {
        em.remove(em.contains(item) ? item : em.merge(item));
    }

    @Override
    public void recordRemoval(String id, java.time.Instant at) {
        em.createNativeQuery("insert into item_removal (item_id, removed_at) values (?1, ?2)")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    @Override
    public List<String> idsRemovedSince(java.time.Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select item_id from item_removal where removed_at >= ?1 "
                + "order by removed_at", String.class).setParameter(1, since).setMaxResults(limit).getResultList();
        return ids;
    }

    @Override
    public int forgetRemovalsBefore(java.time.Instant before, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        // The table has no key (one row per removal, V12): a page is cut by time, up to the instant of the
        // limit-th oldest note. The same statement runs on H2 and PostgreSQL.
        return em.createNativeQuery("delete from item_removal where removed_at < ?1 and removed_at <= "
                        + "(select max(removed_at) from (select removed_at from item_removal where removed_at < ?1 "
                        + "order by removed_at limit " + limit + ") oldest)")
                .setParameter(1, before).executeUpdate();
    }

    @Override
    public long countRemovals() {
        return ((Number) em.createNativeQuery("select count(*) from item_removal").getSingleResult()).longValue();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
