package org.recsys.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.application.event.FeedbackRecorded;
import org.recsys.application.profile.ProfileService;
import org.recsys.application.serving.Strategy;
import org.recsys.domain.model.experiment.StrategyStatsRepository;
import org.recsys.domain.model.feedback.FeedbackEvent;
import org.recsys.domain.model.shared.RecordSource;
import org.recsys.domain.model.feedback.FeedbackRepository;
import org.recsys.domain.model.feedback.NewFeedback;
import org.recsys.domain.model.shared.Identifiers;
import org.recsys.domain.model.item.ItemRepository;
import org.recsys.domain.model.user.UserRepository;

/**
 * Records feedback. A batch is checked whole first (every event well-formed, every item known), then stored in one
 * transaction; events whose idempotency key is already stored are skipped, so a retried request stores nothing twice.
 */
@ApplicationScoped
public class FeedbackService {

    @Inject
    FeedbackRepository feedback;
    @Inject
    UserRepository users;
    @Inject
    ItemRepository items;
    @Inject
    UserService userService;
    @Inject
    Transactions transactions;
    @Inject
    Event<FeedbackRecorded> recorded;
    @Inject
    ProfileService profiles;
    @Inject
    StrategyStatsRepository strategyStats;
    @Inject
    ServingMetrics metrics;

    @Inject
    @ConfigProperty(name = "recsys.feedback.create-unknown-users", defaultValue = "true")
    boolean createUnknownUsers;

    Clock clock = Clock.systemUTC();

    /**
     * Records the batch in a transaction of its own, retrying when a concurrent request with the same idempotency
     * keys won the race; the retry then finds those keys stored and skips them.
     */
    public RecordOutcome recordWithRetry(List<NewFeedback> batch, String source) {
        return recordWithRetry(batch, source, "");
    }

    /**
     * As {@link #recordWithRetry(List, String)}, with the idempotency keys scoped to {@code keyOwner} (the API key
     * that sent them): another owner's event under the same key and user is another event.
     */
    public RecordOutcome recordWithRetry(List<NewFeedback> batch, String source, String keyOwner) {
        // A refused batch is thrown after its transaction, which wrote nothing (see Transactions).
        return metrics.feedback(() -> Transactions.retryingConcurrentInserts(transactions,
                () -> store(batch, source, keyOwner)).orThrow());
    }

    /** Records the batch inside the caller's transaction (the import job's chunk). */
    @Transactional
    public RecordOutcome record(List<NewFeedback> batch, String source) {
        return store(batch, source, "").orThrow();
    }

    /** A batch stored, or refused before anything was written. */
    private record Attempt(RecordOutcome outcome, RuntimeException refusal) {

        RecordOutcome orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return outcome;
        }
    }

    public Slice<FeedbackEvent> listForUser(String userId, Instant beforeTime, Long beforeId, int limit) {
        if (users.find(userId).isEmpty()) {
            throw new UnknownEntityException("user", userId);
        }
        return Slice.fromOverfetch(feedback.listForUser(userId, beforeTime, beforeId, limit + 1), limit);
    }

    public long count() {
        return feedback.count();
    }

    /** Decides what to refuse (invalid events, reused keys) from reads alone, then writes. */
    private Attempt store(List<NewFeedback> batch, String source, String keyOwner) {
        List<FieldError> problems = problems(batch);
        if (!problems.isEmpty()) {
            return new Attempt(null, new InvalidInputException(problems));
        }

        Set<String> keys = new HashSet<>();
        for (NewFeedback event : batch) {
            if (event.idempotencyKey() != null) {
                keys.add(event.idempotencyKey());
            }
        }
        // A key names one event of one user for one sender. Sent again with the same event it is a retry (skipped); sent by the
        // API with a different event it is a client error that must not pass silently (409).
        Set<String> existing = keys.isEmpty() ? Set.of() : feedback.existingIdempotencyKeys(keys);
        Map<String, NewFeedback> seen = new HashMap<>();
        if (!existing.isEmpty()) {
            for (FeedbackEvent stored : feedback.withIdempotencyKeys(existing)) {
                // Events the API stored before keys had owners (owner '') count as the caller's, so that a retry
                // across the upgrade is still a retry.
                String owner = stored.keyOwner().isEmpty() && RecordSource.API.equals(stored.source()) ? keyOwner
                        : stored.keyOwner();
                seen.put(scopedKey(owner, stored.userId(), stored.idempotencyKey()),
                        new NewFeedback(stored.userId(), stored.itemId(), stored.type(), stored.value(),
                                stored.text(), stored.occurredAt(), stored.recommendationId(),
                                stored.idempotencyKey()));
            }
        }
        Instant now = clock.instant();
        List<FeedbackEvent> fresh = new ArrayList<>(batch.size());
        List<String> conflicts = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            NewFeedback event = batch.get(index);
            if (event.idempotencyKey() == null) {
                fresh.add(new FeedbackEvent(event, source, keyOwner, now));
                continue;
            }
            NewFeedback earlier = seen.putIfAbsent(scopedKey(keyOwner, event.userId(), event.idempotencyKey()),
                    event);
            if (earlier == null) {
                fresh.add(new FeedbackEvent(event, source, keyOwner, now));
            } else if (RecordSource.API.equals(source) && !sameEvent(earlier, event)) {
                conflicts.add((batch.size() > 1 ? "events[" + index + "]: " : "") + "idempotencyKey '"
                        + event.idempotencyKey() + "' was already used for a different event of user '"
                        + event.userId() + "'");
            }
        }
        if (!conflicts.isEmpty()) {
            return new Attempt(null, new ConflictException(String.join("; ", conflicts) + ". Nothing was stored; use "
                    + "a new key for a new event."));
        }
        int usersCreated = createMissingUsers(batch, source);
        feedback.storeAll(fresh);
        if (!fresh.isEmpty()) {
            profiles.learn(fresh);
            attribute(fresh);
            recorded.fire(new FeedbackRecorded(List.copyOf(fresh)));
        }
        return new Attempt(new RecordOutcome(batch.size(), fresh.size(), batch.size() - fresh.size(), usersCreated,
                fresh), null);
    }

    private static String scopedKey(String keyOwner, String userId, String idempotencyKey) {
        return keyOwner + '\u0000' + userId + '\u0000' + idempotencyKey;
    }

    /** Whether a retry carries the same event: same item, type, value, text and recommendation, and time if given. */
    private static boolean sameEvent(NewFeedback earlier, NewFeedback event) {
        return earlier.itemId().equals(event.itemId()) && earlier.type() == event.type()
                && Objects.equals(earlier.value(), event.value()) && Objects.equals(earlier.text(), event.text())
                && Objects.equals(earlier.recommendationId(), event.recommendationId())
                && (event.occurredAt() == null || event.occurredAt().equals(earlier.occurredAt()));
    }

    /** Credits positive feedback on a recommendation to the strategy that made it, for the bandit. */
    private void attribute(List<FeedbackEvent> events) {
        Map<String, Long> positives = new HashMap<>();
        for (FeedbackEvent event : events) {
            if (isPositive(event)) {
                Strategy.ofRecommendation(event.recommendationId())
                        .ifPresent(s -> positives.merge(s.id(), 1L, Long::sum));
            }
        }
        positives.forEach((strategy, count) -> strategyStats.add(strategy, 0, count));
    }

    /** Clicks, likes, purchases, and ratings or reviews of 4 stars or more. */
    static boolean isPositive(FeedbackEvent event) {
        return switch (event.type()) {
            case CLICK, LIKE, PURCHASE -> true;
            case RATING, REVIEW -> event.value() != null && event.value() >= 4;
            default -> false;
        };
    }

    /**
     * What {@link #recordWithRetry} would refuse in a batch, as errors with the paths {@code events[i].field}, without
     * storing anything: events of the wrong shape for their type, unknown items, and unknown users unless they may be
     * created. Null events and missing fields are skipped (field validation reports them).
     */
    @Transactional
    public List<FieldError> problems(List<NewFeedback> batch) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> itemIds = new LinkedHashSet<>();
        Set<String> userIds = new LinkedHashSet<>();
        for (NewFeedback event : batch) {
            // Ids that break the id rule are reported by field validation; only valid ones are looked up.
            if (event != null) {
                if (Identifiers.isValid(event.itemId())) {
                    itemIds.add(event.itemId());
                }
                if (Identifiers.isValid(event.userId())) {
                    userIds.add(event.userId());
                }
            }
        }
        Set<String> knownItems = itemIds.isEmpty() ? Set.of() : items.existingIds(itemIds);
        Set<String> knownUsers = createUnknownUsers || userIds.isEmpty() ? userIds : users.existingIds(userIds);
        for (int i = 0; i < batch.size(); i++) {
            NewFeedback event = batch.get(i);
            if (event == null) {
                continue;
            }
            String at = "events[" + i + "].";
            if (event.type() != null) {
                event.type().check(event.value(), event.text())
                        .ifPresent(p -> errors.add(new FieldError(at + p.field(), p.message())));
            }
            if (event.itemId() != null && !Identifiers.isValid(event.itemId())) {
                errors.add(new FieldError(at + "itemId", "must be " + Identifiers.RULE));
            } else if (event.itemId() != null && !knownItems.contains(event.itemId())) {
                errors.add(new FieldError(at + "itemId", "no item with id '" + event.itemId() + "'"));
            }
            if (event.userId() != null && !Identifiers.isValid(event.userId())) {
                errors.add(new FieldError(at + "userId", "must be " + Identifiers.RULE));
            } else if (event.userId() != null && !knownUsers.contains(event.userId())) {
                errors.add(new FieldError(at + "userId", "no user with id '" + event.userId() + "'"));
            }
        }
        return errors;
    }

    private int createMissingUsers(List<NewFeedback> batch, String source) {
        if (!createUnknownUsers) {
            return 0;
        }
        List<UserDraft> drafts = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        batch.forEach(event -> distinct.add(event.userId()));
        Set<String> known = users.existingIds(distinct);
        for (String id : distinct) {
            if (!known.contains(id)) {
                drafts.add(new UserDraft(id, Map.of(), null));
            }
        }
        return drafts.isEmpty() ? 0 : userService.createMissing(drafts, source).created();
    }
}
