package org.recsys.ml.rank;

import org.recsys.ml.vector.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current {@link ItemCatalogue} and derives new snapshots on change (copy-on-write): readers call
 * {@link #current()} once per request and work on that immutable snapshot while writers publish new ones.
 * Writers are serialised. New and changed items are appended to spare capacity (the old slot of a changed item
 * is deactivated), so an update costs about the size of the id map, not of the vectors; they are searchable at
 * once (exact scan of the items appended since the last {@link #rebuild()}). Call {@link #rebuild()} now and
 * then (e.g. when {@link #pendingItems()} exceeds a few percent) to compact and re-index.
 */
public final class CatalogueStore {

    private final AtomicReference<ItemCatalogue> current;
    private final ItemCatalogue.IndexKind indexKind;

    /**
     * @param initial   first snapshot
     * @param indexKind index used by {@link #rebuild()}
     */
    public CatalogueStore(ItemCatalogue initial, ItemCatalogue.IndexKind indexKind) {
        this.current = new AtomicReference<>(initial);
        this.indexKind = indexKind;
    }

    /** The snapshot to use for one request. */
    public ItemCatalogue current() {
        return current.get();
    }

    /** Items appended since the index was built. */
    public int pendingItems() {
        ItemCatalogue catalogue = current.get();
        return catalogue.size - catalogue.indexedSize;
    }

    /** Adds or replaces one item. */
    public void upsert(CatalogueItem item) {
        upsertAll(List.of(item));
    }

    /** Adds or replaces items, publishing one new snapshot. */
    public synchronized void upsertAll(Collection<CatalogueItem> items) {
        ItemCatalogue old = current.get();
        int dimension = old.dimension;
        int newSize = old.size + items.size();
        int capacity = old.ids.length;
        String[] ids = old.ids;
        float[] vectors = old.vectors;
        int[] categories = old.categories;
        long[] popularity = old.popularity;
        if (newSize > capacity) {
            // Grow by half again; older snapshots keep their own (shorter) arrays.
            capacity = Math.max(newSize, capacity + (capacity >> 1) + 16);
            ids = Arrays.copyOf(ids, capacity);
            vectors = Arrays.copyOf(vectors, capacity * dimension);
            categories = Arrays.copyOf(categories, capacity);
            popularity = Arrays.copyOf(popularity, capacity);
        }
        boolean[] active = Arrays.copyOf(old.active, capacity); // small: copied on every change
        Map<String, Integer> positions = new HashMap<>(old.positions);
        List<String> categoryNames = old.categoryNames;
        Map<String, Integer> categoryIndex = old.categoryIndex;
        int position = old.size;
        for (CatalogueItem item : items) {
            Integer previous = positions.get(item.itemId());
            if (previous != null) {
                active[previous] = false;
            }
            ids[position] = item.itemId();
            if (item.vector() != null) {
                if (item.vector().length != dimension) {
                    throw new IllegalArgumentException("item " + item.itemId() + ": dimension " + item.vector().length);
                }
                System.arraycopy(Vectors.normalized(item.vector()), 0, vectors, position * dimension, dimension);
            } else {
                Arrays.fill(vectors, position * dimension, (position + 1) * dimension, 0f);
            }
            int category = -1;
            if (item.category() != null) {
                Integer known = categoryIndex.get(item.category());
                if (known == null) {
                    if (categoryNames == old.categoryNames) {
                        categoryNames = new ArrayList<>(old.categoryNames);
                        categoryIndex = new HashMap<>(old.categoryIndex);
                    }
                    categoryNames.add(item.category());
                    known = categoryNames.size() - 1;
                    categoryIndex.put(item.category(), known);
                }
                category = known;
            }
            categories[position] = category;
            popularity[position] = item.popularity();
            active[position] = true;
            positions.put(item.itemId(), position);
            position++;
        }
        current.set(new ItemCatalogue(dimension, newSize, ids, Collections.unmodifiableMap(positions), vectors, active,
                categories, categoryNames == old.categoryNames ? categoryNames
                : Collections.unmodifiableList(categoryNames), categoryIndex, popularity, old.index, old.indexedSize));
    }

    /** Removes items (they are never recommended again from the next snapshot on). */
    public synchronized void removeAll(Collection<String> itemIds) {
        ItemCatalogue old = current.get();
        boolean[] active = Arrays.copyOf(old.active, old.active.length);
        Map<String, Integer> positions = new HashMap<>(old.positions);
        for (String id : itemIds) {
            Integer position = positions.remove(id);
            if (position != null) {
                active[position] = false;
            }
        }
        current.set(new ItemCatalogue(old.dimension, old.size, old.ids, Collections.unmodifiableMap(positions),
                old.vectors, active, old.categories, old.categoryNames, old.categoryIndex, old.popularity, old.index,
                old.indexedSize));
    }

    /** Replaces interaction counts (e.g. recomputed every minute); unknown ids are ignored. */
    public synchronized void updatePopularity(Map<String, Long> counts) {
        ItemCatalogue old = current.get();
        long[] popularity = Arrays.copyOf(old.popularity, old.popularity.length);
        counts.forEach((id, count) -> {
            Integer position = old.positions.get(id);
            if (position != null) {
                popularity[position] = count;
            }
        });
        current.set(new ItemCatalogue(old.dimension, old.size, old.ids, old.positions, old.vectors, old.active,
                old.categories, old.categoryNames, old.categoryIndex, popularity, old.index, old.indexedSize));
    }

    /** Compacts away inactive slots and rebuilds the index (seconds for large catalogues; run off-request). */
    public synchronized void rebuild() {
        ItemCatalogue old = current.get();
        ItemCatalogue.Builder builder = ItemCatalogue.builder(old.dimension).index(indexKind);
        for (int i = 0; i < old.size; i++) {
            if (old.active[i]) {
                builder.add(old.ids[i], old.vector(i), old.category(i), old.popularity[i]);
            }
        }
        current.set(builder.build());
    }
}
