package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.item.ItemVector;
import org.recsys.domain.model.item.ItemVectorRepository;

@ApplicationScoped
public class JpaItemVectorRepository implements ItemVectorRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaItemVectorRepository() {
    }

    /** For use outside the container. */
    public JpaItemVectorRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ItemVector> findAll(Collection<String> itemIds) {
        return KeyLookups.load(em, ItemVector.class, "item_vector", "item_id", itemIds, false);
    }

    @Override
    public List<String> itemIdsEmbeddedSince(java.time.Instant since, int limit) {
        return em.createQuery("select v.itemId from ItemVector v where v.updatedAt >= :since order by v.updatedAt",
                String.class).setParameter("since", since).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ItemVector> listAfter(String encoder, String afterItemId, int limit) {
        return em.createQuery("select v from ItemVector v where v.encoder = :encoder and v.itemId > :after "
                        + "order by v.itemId", ItemVector.class)
                .setParameter("encoder", encoder).setParameter("after", afterItemId == null ? "" : afterItemId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Item> itemsWithoutVector(String encoder, String afterItemId, int limit) {
        return em.createQuery("select i from Item i where i.id > :after and not exists (select 1 from ItemVector v "
                        + "where v.itemId = i.id and v.encoder = :encoder) order by i.id", Item.class)
                .setParameter("encoder", encoder).setParameter("after", afterItemId == null ? "" : afterItemId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long count(String encoder) {
        return em.createQuery("select count(v) from ItemVector v where v.encoder = :encoder", Long.class)
                .setParameter("encoder", encoder).getSingleResult();
    }

    @Override
    public void store(ItemVector vector) {
        if (!em.contains(vector)) {
            em.persist(vector);
        }
        // Inserted now, so that a concurrent writer's row shows as a unique-key conflict here, not at commit.
        em.flush();
    }
}
