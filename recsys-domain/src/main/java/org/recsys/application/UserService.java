package org.recsys.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.recsys.application.event.FeedbackRemoved;
import org.recsys.application.event.UserErased;
import org.recsys.application.event.UsersChanged;
import org.recsys.domain.model.erasure.ErasureRequest;
import org.recsys.domain.model.erasure.ErasureRequestRepository;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.FeedbackType;
import org.recsys.domain.model.impression.ImpressionRepository;
import org.recsys.domain.model.jobreport.JobReport;
import org.recsys.domain.model.jobreport.JobReportRepository;
import org.recsys.domain.model.profile.UserProfileRepository;
import org.recsys.domain.model.user.User;
import org.recsys.domain.model.user.UserRepository;

/** Creating, replacing, listing and erasing users. */
@ApplicationScoped
public class UserService {

    @Inject
    UserRepository users;
    @Inject
    FeedbackRepository feedback;
    @Inject
    ImpressionRepository impressions;
    @Inject
    JobReportRepository reports;
    @Inject
    UserProfileRepository profiles;
    @Inject
    ErasureRequestRepository erasures;
    @Inject
    Event<UsersChanged> usersChanged;
    @Inject
    Event<UserErased> userErased;
    @Inject
    Event<FeedbackRemoved> feedbackRemoved;

    @Inject
    Transactions transactions;

    Clock clock = Clock.systemUTC();

    public User get(String id) {
        return users.find(id).orElseThrow(() -> new UnknownEntityException("user", id));
    }

    public Slice<User> list(String afterId, int limit) {
        return Slice.fromOverfetch(users.listAfter(afterId, limit + 1), limit);
    }

    /** Creates the user or replaces its description; an identical repeat changes nothing. */
    public Stored<User> put(UserDraft draft, String source) {
        // Two requests creating the same id at once: the loser's retry finds the row and updates it.
        return Transactions.retryingConcurrentInserts(transactions, () -> putOnce(draft, source));
    }

    private Stored<User> putOnce(UserDraft draft, String source) {
        var existing = users.find(draft.id());
        if (existing.isPresent()) {
            if (existing.get().describe(draft.attributes(), draft.preferenceText(), clock.instant())) {
                usersChanged.fire(new UsersChanged(Set.of(draft.id())));
            }
            return new Stored<>(existing.get(), false);
        }
        User user = new User(draft.id(), draft.attributes(), draft.preferenceText(), source, clock.instant());
        users.store(user);
        usersChanged.fire(new UsersChanged(Set.of(draft.id())));
        return new Stored<>(user, true);
    }

    /**
     * Creates or replaces every user of the batch, or none when any element is invalid; the same batch sent twice at
     * once is stored once (the second request's retry finds the rows).
     */
    public UpsertOutcome putAll(List<UserDraft> drafts, String source) {
        List<FieldError> errors = BatchChecks.repeatedKeys(drafts, UserDraft::id, "users", "id");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return Transactions.retryingConcurrentInserts(transactions, () -> upsert(drafts, source, true));
    }

    /**
     * Creates or replaces every element, the last one winning when an id repeats. Used by imports, which read
     * datasets rather than requests.
     */
    @Transactional
    public UpsertOutcome replaceAll(List<UserDraft> drafts, String source) {
        return upsert(drafts, source, true);
    }

    /**
     * Creates the users that do not exist yet and leaves existing ones as they are. Used where a dataset names users
     * without describing them, so that a repeated import changes nothing.
     */
    @Transactional
    public UpsertOutcome createMissing(List<UserDraft> drafts, String source) {
        return upsert(drafts, source, false);
    }

    /**
     * Erases the user with their events, impressions, profile and report examples, in one transaction; records an
     * erasure request when stored rating models may hold them (see {@link Erasure#modelsToPurge()}).
     */
    public Erasure erase(String id) {
        Erasure erased = transactions.inTransaction(() -> users.findForUpdate(id).map(found -> {
            // Each member's popularity and review counts drop by what this user contributed.
            List<FeedbackEvent> removed = feedback.allForUser(id);
            boolean profile = profiles.find(id).isPresent();
            int events = feedback.removeForUser(id);
            int shown = impressions.removeForUser(id);
            int redacted = 0;
            for (JobReport report : reports.mentioning(id)) {
                redacted += report.forget(id) ? 1 : 0;
            }
            boolean rated = removed.stream().anyMatch(e -> e.type() == FeedbackType.RATING
                    || e.type() == FeedbackType.REVIEW && e.value() != null);
            if (rated) {
                erasures.store(new ErasureRequest(clock.instant()));
            }
            users.remove(found);
            userErased.fire(new UserErased(id));
            if (!removed.isEmpty()) {
                feedbackRemoved.fire(new FeedbackRemoved(removed));
            }
            return new Erasure(id, events, shown, profile, redacted, rated);
        }).orElse(null));
        if (erased == null) {
            throw new UnknownEntityException("user", id);
        }
        return erased;
    }

    public long count() {
        return users.count();
    }

    private UpsertOutcome upsert(List<UserDraft> drafts, String source, boolean replaceExisting) {
        Map<String, UserDraft> byId = drafts.stream()
                .collect(Collectors.toMap(UserDraft::id, Function.identity(), (first, later) -> later));
        Map<String, User> existing = users.findAll(byId.keySet()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        Set<String> changed = new HashSet<>();
        int created = 0;
        int updated = 0;
        for (UserDraft draft : byId.values()) {
            User user = existing.get(draft.id());
            if (user == null) {
                users.store(new User(draft.id(), draft.attributes(), draft.preferenceText(), source, clock.instant()));
                created++;
                changed.add(draft.id());
            } else if (replaceExisting && user.describe(draft.attributes(), draft.preferenceText(), clock.instant())) {
                updated++;
                changed.add(draft.id());
            }
        }
        if (!changed.isEmpty()) {
            usersChanged.fire(new UsersChanged(changed));
        }
        return new UpsertOutcome(drafts.size(), created, updated, drafts.size() - created - updated);
    }
}
