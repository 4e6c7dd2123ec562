package org.recsys.domain.model.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users by id. Lists are keyset-paginated by id so that a cursor stays valid while users are added. */
public interface UserRepository {

    Optional<User> find(String id);

    /** The user, locked until the transaction ends: a second erasure of the same user waits, then finds none. */
    Optional<User> findForUpdate(String id);

    List<User> findAll(Collection<String> ids);

    /** The subset of the given ids that exist. */
    Set<String> existingIds(Collection<String> ids);

    /** Users ordered by id, strictly after {@code afterId} when it is given. */
    List<User> listAfter(String afterId, int limit);

    long count();

    /**
     * Ids of users, ordered and after {@code afterId} as {@link #listAfter}, whose record was updated or who sent
     * feedback received after {@code since}: the users an incremental job has to look at again.
     */
    List<String> changedSince(Instant since, String afterId, int limit);

    /** How many users {@link #changedSince} lists in all. */
    long countChangedSince(Instant since);

    void store(User user);

    /** Removes the user row; dependent rows go with it (see the erasure use case). */
    void remove(User user);
}
