package org.recsys.interfaces.operations.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.recsys.domain.model.item.Item;
import org.recsys.domain.model.item.ItemRepository;
import org.recsys.domain.model.item.ItemVectorRepository;
import org.recsys.infrastructure.ml.TextEncoding;

/** Ids of items that have no vector from the active encoder, by item id. */
@Named
@Dependent
public class ItemsWithoutVectorReader extends KeyPagedReader<String, String> {

    @Inject
    ItemVectorRepository vectors;
    @Inject
    ItemRepository items;
    @Inject
    TextEncoding encoding;

    @Override
    protected List<String> page(String after, int limit) {
        return vectors.itemsWithoutVector(encoding.encoderId(), after, limit).stream().map(Item::id).toList();
    }

    @Override
    protected String keyOf(String itemId) {
        return itemId;
    }

    @Override
    protected long total() {
        return Math.max(0, items.count() - vectors.count(encoding.encoderId()));
    }
}
