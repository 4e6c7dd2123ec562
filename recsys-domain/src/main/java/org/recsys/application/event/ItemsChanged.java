package org.recsys.application.event;

import java.util.Set;

/** Items were created or their description changed. */
public record ItemsChanged(Set<String> itemIds) {
}
