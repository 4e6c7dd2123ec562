package org.recsys.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.recsys.domain.model.feedback.FeedbackCleaning;

/** The data-quality rules as portable SQL (H2 2.x and PostgreSQL). */
@ApplicationScoped
public class JpaFeedbackCleaning implements FeedbackCleaning {

    /** An event repeats another when all it says is the same; the older one (lower id) is kept. */
    private static final String REPEATS_OLDER = "exists (select 1 from feedback_event g where g.user_id = f.user_id "
            + "and g.item_id = f.item_id and g.feedback_type = f.feedback_type and g.occurred_at = f.occurred_at "
            + "and g.event_value is not distinct from f.event_value and g.event_text is not distinct from f.event_text "
            + "and g.id < f.id)";
    private static final String OUT_OF_RANGE = "(f.feedback_type = 'RATING' and (f.event_value is null "
            + "or f.event_value < 1 or f.event_value > 5)) or (f.feedback_type = 'REVIEW' "
            + "and f.event_value is not null and (f.event_value < 1 or f.event_value > 5))";

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    @Override
    public List<Example> textsAfter(long afterId, int limit) {
        return examples("select f.id, f.user_id, f.item_id, f.event_text from feedback_event f "
                + "where f.event_text is not null and f.id > ?1 order by f.id", limit, afterId);
    }

    @Override
    public long countTexts() {
        return ((Number) em.createNativeQuery("select count(*) from feedback_event where event_text is not null")
                .getSingleResult()).longValue();
    }

    @Override
    public void replaceTexts(Map<Long, String> texts) {
        texts.forEach((id, text) -> em.createNativeQuery("update feedback_event set event_text = ?1 where id = ?2")
                .setParameter(1, text).setParameter(2, id).executeUpdate());
    }

    @Override
    public List<Example> duplicates(int limit) {
        return examples("select f.id, f.user_id, f.item_id, f.feedback_type from feedback_event f where "
                + REPEATS_OLDER + " order by f.id", limit);
    }

    @Override
    public int removeDuplicates() {
        return em.createNativeQuery("delete from feedback_event f where " + REPEATS_OLDER).executeUpdate();
    }

    @Override
    public List<Example> outOfRange(int limit) {
        return examples("select f.id, f.user_id, f.item_id, f.feedback_type || ' ' || coalesce(cast(f.event_value "
                + "as varchar(40)), 'without stars') from feedback_event f where " + OUT_OF_RANGE + " order by f.id",
                limit);
    }

    @Override
    public int removeOutOfRange() {
        return em.createNativeQuery("delete from feedback_event f where " + OUT_OF_RANGE).executeUpdate();
    }

    @Override
    public int flagBursts(int perMinute) {
        return em.createNativeQuery("update feedback_event f set flagged = 'burst' where f.flagged is null "
                        + "and exists (select 1 from (select user_id, date_trunc('minute', occurred_at) as burst_minute "
                        + "from feedback_event group by user_id, date_trunc('minute', occurred_at) "
                        + "having count(*) > ?1) b where b.user_id = f.user_id "
                        + "and b.burst_minute = date_trunc('minute', f.occurred_at))")
                .setParameter(1, perMinute).executeUpdate();
    }

    @Override
    public int flagCopiedTexts(int minUsers) {
        return em.createNativeQuery("update feedback_event f set flagged = 'copied-text' where f.flagged is null "
                        + "and f.event_text in (select event_text from feedback_event where event_text is not null "
                        + "and length(event_text) >= 20 group by event_text having count(distinct user_id) >= ?1)")
                .setParameter(1, minUsers).executeUpdate();
    }

    @Override
    public List<Example> flagged(String flag, int limit) {
        return examples("select f.id, f.user_id, f.item_id, coalesce(f.event_text, f.feedback_type) "
                + "from feedback_event f where f.flagged = ?1 order by f.id", limit, flag);
    }

    @Override
    public long countFlagged(String flag) {
        return ((Number) em.createNativeQuery("select count(*) from feedback_event where flagged = ?1")
                .setParameter(1, flag).getSingleResult()).longValue();
    }

    private List<Example> examples(String sql, int limit, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int p = 0; p < parameters.length; p++) {
            query.setParameter(p + 1, parameters[p]);
        }
        List<Example> examples = new ArrayList<>();
        for (Object row : query.setMaxResults(limit).getResultList()) {
            Object[] columns = (Object[]) row;
            examples.add(new Example(((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                    columns[3] == null ? null : columns[3].toString()));
        }
        return examples;
    }
}
