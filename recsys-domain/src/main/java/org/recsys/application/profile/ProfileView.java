package org.recsys.application.profile;

import org.recsys.domain.model.profile.ProfileState;

/** A profile as read for serving: its state and the version it has. */
public record ProfileView(String userId, long version, ProfileState state) {

    static ProfileView empty(String userId) {
        return new ProfileView(userId, 0, ProfileState.EMPTY);
    }
}
