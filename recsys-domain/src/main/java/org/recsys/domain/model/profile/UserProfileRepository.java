package org.recsys.domain.model.profile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored profiles. */
public interface UserProfileRepository {

    Optional<UserProfile> find(String userId);

    /**
     * The profiles of these users, locked for update until the transaction ends (in id order, so that two
     * transactions never wait for each other in a cycle).
     */
    List<UserProfile> lockAll(Collection<String> userIds);

    void store(UserProfile profile);

    /** Every profile, a page at a time by user id, for loading caches. */
    List<UserProfile> listAfter(String afterUserId, int limit);
}
