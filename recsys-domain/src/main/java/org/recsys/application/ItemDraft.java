package org.recsys.application;

import org.recsys.domain.model.item.ItemDescription;

/** An item as a partner sends it. */
public record ItemDraft(String id, ItemDescription description) {
}
