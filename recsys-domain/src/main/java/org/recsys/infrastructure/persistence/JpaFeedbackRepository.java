package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.feedback.ReviewSummary;
import org.recsys.domain.model.feedback.ItemInteraction;
import org.recsys.domain.model.feedback.StarRating;

@ApplicationScoped
public class JpaFeedbackRepository implements FeedbackRepository {

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    protected JpaFeedbackRepository() {
    }

    /** For use outside the container. */
    public JpaFeedbackRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> existingIdempotencyKeys(Collection<String> keys) {
        return KeyLookups.existing(em, "feedback_event", "idempotency_key", keys);
    }

    @Override
    public List<FeedbackEvent> withIdempotencyKeys(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<FeedbackEvent> found = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += KeyLookups.SLICE) {
            found.addAll(em.createQuery("select e from FeedbackEvent e where e.idempotencyKey in :keys",
                    FeedbackEvent.class).setParameter("keys", all.subList(from, Math.min(all.size(),
                    from + KeyLookups.SLICE))).getResultList());
        }
        return found;
    }

    @Override
    public void storeAll(List<FeedbackEvent> events) {
        for (FeedbackEvent event : events) {
            em.persist(event);
        }
        // Send the inserts now, in JDBC batches, so that a duplicate key fails here and not at commit.
        em.flush();
    }

    @Override
    public List<FeedbackEvent> listForUser(String userId, Instant beforeTime, Long beforeId, int limit) {
        var query = beforeTime == null
                ? em.createQuery("select e from FeedbackEvent e where e.userId = :user "
                        + "order by e.occurredAt desc, e.id desc", FeedbackEvent.class)
                : em.createQuery("select e from FeedbackEvent e where e.userId = :user and "
                        + "(e.occurredAt < :time or (e.occurredAt = :time and e.id < :id)) "
                        + "order by e.occurredAt desc, e.id desc", FeedbackEvent.class)
                        .setParameter("time", beforeTime).setParameter("id", beforeId);
        return query.setParameter("user", userId).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(e) from FeedbackEvent e", Long.class).getSingleResult();
    }

    @Override
    public Map<String, Long> interactionCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select e.itemId, count(e) from FeedbackEvent e where e.type not in "
                + ":rejections group by e.itemId", Object[].class)
                .setParameter("rejections", List.of(FeedbackType.DISLIKE, FeedbackType.NOT_INTERESTED))
                .getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public Map<String, ReviewSummary> reviewSummaries() {
        Map<String, ReviewSummary> summaries = new HashMap<>();
        for (Object[] row : em.createQuery("select e.itemId, count(e), "
                        + "sum(case when e.value >= 4 then 1 else 0 end), avg(e.value) "
                        + "from FeedbackEvent e where e.type = :review group by e.itemId", Object[].class)
                .setParameter("review", FeedbackType.REVIEW).getResultList()) {
            Number mean = (Number) row[3];
            summaries.put((String) row[0], new ReviewSummary((Long) row[1], ((Number) row[2]).longValue(),
                    mean == null ? Double.NaN : mean.doubleValue()));
        }
        return summaries;
    }

    @Override
    public List<StarRating> starRatings(int limit) {
        return em.createQuery("select new org.recsys.domain.model.feedback.StarRating(e.userId, e.itemId, e.value, "
                        + "e.text, e.occurredAt) from FeedbackEvent e where e.type in :types and e.value is not null "
                        + "order by e.occurredAt desc", StarRating.class)
                .setParameter("types", List.of(FeedbackType.RATING, FeedbackType.REVIEW))
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<ItemInteraction> interactions(int limit) {
        return em.createQuery("select new org.recsys.domain.model.feedback.ItemInteraction(e.userId, e.itemId, "
                        + "e.occurredAt, e.type, e.value) from FeedbackEvent e where e.type not in :rejections "
                        + "order by e.occurredAt desc, e.id desc", ItemInteraction.class)
                .setParameter("rejections", List.of(FeedbackType.DISLIKE, FeedbackType.NOT_INTERESTED))
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<StarRating> ratedReviews(int limit) {
        return em.createQuery("select new org.recsys.domain.model.feedback.StarRating(e.userId, e.itemId, e.value, "
                        + "e.text, e.occurredAt) from FeedbackEvent e where e.type = :review and e.value is not null "
                        + "and e.text is not null order by e.occurredAt desc", StarRating.class)
                .setParameter("review", FeedbackType.REVIEW).setMaxResults(limit).getResultList();
    }

    @Override
    public Map<String, List<String>> reviewTexts(Collection<String> itemIds, int perItem) {
        Map<String, List<String>> texts = new HashMap<>();
        if (itemIds.isEmpty()) {
            return texts;
        }
        for (Object[] row : em.createQuery("select e.itemId, e.text from FeedbackEvent e where e.type = :review "
                        + "and e.text is not null and e.itemId in :items order by e.itemId, e.occurredAt desc",
                        Object[].class)
                .setParameter("review", FeedbackType.REVIEW).setParameter("items", itemIds).getResultList()) {
            List<String> list = texts.computeIfAbsent((String) row[0], id -> new ArrayList<>());
            if (list.size() < perItem) {
                list.add((String) row[1]);
            }
        }
        return texts;
    }

    @Override
    public long countForUser(String userId) {
        return em.createQuery("select count(e) from FeedbackEvent e where e.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult();
    }

    @Override
    public int removeForUser(String userId) {
        return em.createQuery("delete from FeedbackEvent e where e.userId = :user")
                .setParameter("user", userId).executeUpdate();
    }

    @Override
    public int removeForItem(String itemId) {
        return em.createQuery("delete from FeedbackEvent e where e.itemId = :item")
                .setParameter("item", itemId).executeUpdate();
    }

    @Override
    public List<FeedbackEvent> occurredBefore(Instant cutoff, Long afterId, int limit) {
        return em.createQuery("select e from FeedbackEvent e where e.occurredAt < :cutoff and e.id > :after "
                        + "order by e.id", FeedbackEvent.class)
                .setParameter("cutoff", cutoff).setParameter("after", afterId == null ? Long.MIN_VALUE : afterId)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long countOccurredBefore(Instant cutoff) {
        return em.createQuery("select count(e) from FeedbackEvent e where e.occurredAt < :cutoff", Long.class)
                .setParameter("cutoff", cutoff).getSingleResult();
    }

    @Override
    public int removeAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from FeedbackEvent e where e.id in :ids").setParameter("ids", ids)
                .executeUpdate();
    }
}
