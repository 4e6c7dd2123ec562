package org.recsys.domain.model.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Feedback events; written in bulk, read per user newest first. */
public interface FeedbackRepository {

    /** The subset of the given idempotency keys already stored (for any user). */
    Set<String> existingIdempotencyKeys(Collection<String> keys);

    /** The stored events that carry one of the given idempotency keys (a few: call with the existing keys). */
    List<FeedbackEvent> withIdempotencyKeys(Collection<String> keys);

    void storeAll(List<FeedbackEvent> events);

    /**
     * A user's events newest first, strictly older than the position {@code (beforeTime, beforeId)} when given.
     */
    List<FeedbackEvent> listForUser(String userId, Instant beforeTime, Long beforeId, int limit);

    long count();

    /** Per item, how many events other than rejections it received: its popularity. */
    Map<String, Long> interactionCounts();

    /** Per item, what its reviews say: how many, how many with 4 stars or more, and the mean of their stars. */
    Map<String, ReviewSummary> reviewSummaries();

    /** Star ratings (RATING events and REVIEW events with stars), newest first, at most {@code limit}. */
    List<StarRating> starRatings(int limit);

    /**
     * Who had what and when, newest first, at most {@code limit}: every event except rejections (dislikes and "not
     * interested"), the interactions the top-N models learn from.
     */
    List<ItemInteraction> interactions(int limit);

    /** Reviews that have both text and stars, newest first, at most {@code limit}. */
    List<StarRating> ratedReviews(int limit);

    /** Up to {@code perItem} review texts per item, newest first. */
    Map<String, List<String>> reviewTexts(Collection<String> itemIds, int perItem);

    long countForUser(String userId);

    /** All of a user's events newest first, read a page at a time. */
    default List<FeedbackEvent> allForUser(String userId) {
        final int page = 1000;
        List<FeedbackEvent> all = new ArrayList<>();
        List<FeedbackEvent> next = listForUser(userId, null, null, page);
        while (true) {
            all.addAll(next);
            if (next.size() < page) {
                return all;
            }
            FeedbackEvent last = next.get(next.size() - 1);
            next = listForUser(userId, last.occurredAt(), last.id(), page);
        }
    }

    /** Events that happened before {@code cutoff}, by id, strictly after {@code afterId} when given. */
    List<FeedbackEvent> occurredBefore(Instant cutoff, Long afterId, int limit);

    long countOccurredBefore(Instant cutoff);

    int removeAll(Collection<Long> ids);

    int removeForUser(String userId);

    int removeForItem(String itemId);
}
