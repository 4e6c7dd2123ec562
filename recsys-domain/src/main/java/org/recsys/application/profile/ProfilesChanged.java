package org.recsys.application.profile;

import java.util.List;

/** Profiles changed in the current transaction; published to the cluster cache once it commits. */
record ProfilesChanged(List<ProfileView> profiles) {
}
