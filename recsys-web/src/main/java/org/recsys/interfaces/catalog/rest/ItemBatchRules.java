package org.recsys.interfaces.catalog.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.recsys.application.BatchChecks;
import org.recsys.application.FieldError;
import org.recsys.interfaces.rest.DocumentRules;

/** Every item of a batch carries its id, and no id appears twice. */
@ApplicationScoped
public class ItemBatchRules implements DocumentRules<ItemBatchBody> {

    @Override
    public Class<ItemBatchBody> type() {
        return ItemBatchBody.class;
    }

    @Override
    public List<FieldError> problems(ItemBatchBody document) {
        List<ItemBody> items = document.items();
        if (items == null || items.size() > ItemBatchBody.MAX_ITEMS) {
            return List.of();
        }
        return BatchChecks.ids(items, ItemBody::id, "items");
    }
}
