package org.recsys.application.event;

import java.util.Set;

/** Users were created or their description (attributes, preference text) changed. */
public record UsersChanged(Set<String> userIds) {
}
