package org.recsys.application.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.recsys.application.Slice;
import org.recsys.domain.model.user.User;

/** Totals, feedback per day and user search for the console. */
@ApplicationScoped
public class ConsoleQueries {

    /** The activity chart shows this many days up to the newest event (imported datasets may be years old). */
    static final int ACTIVITY_DAYS = 30;

    @PersistenceContext(unitName = "recsys")
    EntityManager em;

    /** Feedback events per day (UTC) over the {@value #ACTIVITY_DAYS} days that end with the newest event. */
    @Transactional
    public Map<LocalDate, Long> feedbackPerDay() {
        Instant newest = em.createQuery("select max(f.occurredAt) from FeedbackEvent f", Instant.class)
                .getSingleResult();
        Map<LocalDate, Long> days = new TreeMap<>();
        if (newest == null) {
            return days;
        }
        LocalDate last = newest.atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = last.minusDays(ACTIVITY_DAYS - 1L);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.put(d, 0L);
        }
        // Counting per day in the database would need dialect-specific date functions; a month of timestamps is small.
        List<Instant> times = em.createQuery("select f.occurredAt from FeedbackEvent f where f.occurredAt >= :since",
                Instant.class).setParameter("since", first.atStartOfDay().toInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)).getResultList();
        for (Instant t : times) {
            days.merge(t.atOffset(ZoneOffset.UTC).toLocalDate(), 1L, Long::sum);
        }
        return days;
    }

    /** Feedback events per type, over all time. */
    @Transactional
    public Map<String, Long> feedbackPerType() {
        Map<String, Long> types = new TreeMap<>();
        for (Object[] row : em.createQuery("select f.type, count(f) from FeedbackEvent f group by f.type",
                Object[].class).getResultList()) {
            types.put(row[0].toString(), ((Number) row[1]).longValue());
        }
        return types;
    }

    /** Users whose id contains {@code text} (case-insensitive), in id order after {@code afterId}. */
    @Transactional
    public Slice<User> searchUsers(String text, String afterId, int limit) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        List<User> found = em.createQuery("select u from User u where lower(u.id) like :pattern escape '\\' "
                        + "and u.id > :after order by u.id", User.class)
                .setParameter("pattern", pattern).setParameter("after", afterId == null ? "" : afterId)
                .setMaxResults(limit + 1).getResultList();
        return Slice.fromOverfetch(found, limit);
    }
}
