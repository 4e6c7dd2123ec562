package org.recsys.domain.model.item;

import java.util.Collection;
import java.util.List;

/** Item vectors by item id. */
public interface ItemVectorRepository {

    List<ItemVector> findAll(Collection<String> itemIds);

    /** Vectors of one encoder, a page at a time by item id. */
    List<ItemVector> listAfter(String encoder, String afterItemId, int limit);

    /** Items that have no vector of this encoder yet, a page at a time by item id. */
    List<Item> itemsWithoutVector(String encoder, String afterItemId, int limit);

    long count(String encoder);

    /** Ids of items whose vector was stored at or after {@code since}, oldest first, at most {@code limit}. */
    List<String> itemIdsEmbeddedSince(java.time.Instant since, int limit);

    void store(ItemVector vector);
}
