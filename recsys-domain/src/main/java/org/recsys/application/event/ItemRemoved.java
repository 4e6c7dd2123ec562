package org.recsys.application.event;

/** An item and its feedback were removed. */
public record ItemRemoved(String itemId) {
}
