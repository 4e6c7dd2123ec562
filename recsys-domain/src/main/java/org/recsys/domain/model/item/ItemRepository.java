package org.recsys.domain.model.item;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Items by id, with a plain text search over title and description. */
public interface ItemRepository {

    Optional<Item> find(String id);

    List<Item> findAll(Collection<String> ids);

    Set<String> existingIds(Collection<String> ids);

    /**
     * Items ordered by id, strictly after {@code afterId} when it is given, optionally only those whose title or
     * description contains {@code query} (case-insensitive).
     */
    List<Item> listAfter(String afterId, String query, int limit);

    long count();

    /** Ids of items created or changed at or after {@code since}, oldest change first, at most {@code limit}. */
    List<String> idsChangedSince(java.time.Instant since, int limit);

    void store(Item item);

    void remove(Item item);

    /** Notes that an item was removed, in the removing transaction, for {@link #idsRemovedSince}. */
    void recordRemoval(String id, java.time.Instant at);

    /** Ids of items removed at or after {@code since}, oldest first, at most {@code limit}; some may exist again. */
    List<String> idsRemovedSince(java.time.Instant since, int limit);

    /**
     * Forgets the oldest notes of removals before {@code before}: about {@code limit} of them (all those sharing the
     * last one's instant go too). Returns how many were deleted; 0 when none is left.
     */
    int forgetRemovalsBefore(java.time.Instant before, int limit);

    /** How many removal notes are kept. */
    long countRemovals();
}
