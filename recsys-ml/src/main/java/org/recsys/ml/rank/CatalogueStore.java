package org.recsys.ml.rank;

import org.recsys.ml.vector.Vectors;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the current {@link ItemCatalogue} and publishes a new snapshot on every change: readers call
 * {@link #current()} once per request and work on that snapshot while writers go on. Writers are serialised.
 * <p>
 * What a write costs does not grow with the catalogue: an upsert appends a slot (the item's old slot dies), a removal
 * stamps a death, a popularity change moves one entry in a sorted set (O(log n)), and a snapshot is O(1). A new
 * item is searchable at once (an exact scan covers the slots the graph has not reached) and is added to the HNSW
 * graph by the indexer, off the writer's thread when one is given. Dead slots stay in the graph, filtered at search
 * time, until they are a third of the slots; then {@link #compact()} rebuilds slots and graph from the live items
 * off the lock and replays what changed meanwhile.
 */
public final class CatalogueStore {

    private static final Logger LOG = Logger.getLogger(CatalogueStore.class.getName());

    /** Compaction starts when dead slots are this share of all slots, and at least {@link #COMPACT_MIN_DEAD}. */
    static final double COMPACT_DEAD_SHARE = 1 / 3.0;
    static final int COMPACT_MIN_DEAD = 256;

    private final AtomicReference<ItemCatalogue> current;
    private final Executor indexer;
    private final AtomicBoolean indexing = new AtomicBoolean();
    private final AtomicBoolean compacting = new AtomicBoolean();
    private final Object compaction = new Object();
    private volatile CatalogueSlots slots;

    /** A store whose graph insertions and compactions run on the writing thread (tests, batch tools). */
    public CatalogueStore(ItemCatalogue initial) {
        this(initial, Runnable::run);
    }

    /**
     * @param initial first snapshot; the store takes over its slots (build it for this store only)
     * @param indexer runs graph insertions and compactions
     */
    public CatalogueStore(ItemCatalogue initial, Executor indexer) {
        this.current = new AtomicReference<>(initial);
        this.slots = initial.slots;
        this.indexer = indexer;
    }

    /** The snapshot to use for one request. */
    public ItemCatalogue current() {
        return current.get();
    }

    /** Items appended but not yet in the graph (searched exactly meanwhile). */
    public int pendingItems() {
        return slots.pending();
    }

    /** Slots of replaced or removed items still held (until the next compaction). */
    public int deadSlots() {
        return slots.dead;
    }

    /** Heap held by the graph's neighbour lists, 0 without a graph. */
    public long graphBytes() {
        HnswIndex graph = slots.graph;
        return graph == null ? 0 : graph.graphBytes();
    }

    /** Adds or replaces one item. */
    public void upsert(CatalogueItem item) {
        upsertAll(List.of(item));
    }

    /** Adds or replaces items, publishing one new snapshot. */
    public void upsertAll(Collection<CatalogueItem> items) {
        synchronized (this) {
            CatalogueSlots target = slots;
            for (CatalogueItem item : items) { // all or nothing: a wrong item must not leave half a batch
                CatalogueSlots.checkDimension(item.itemId(), item.vector(), target.dimension);
            }
            for (CatalogueItem item : items) {
                target.append(item.itemId(), item.vector() == null ? null : Vectors.normalized(item.vector()),
                        item.category(), item.popularity());
            }
            publish(target);
        }
        afterWrite();
    }

    /** Removes items (they are never recommended again from the next snapshot on). */
    public void removeAll(Collection<String> itemIds) {
        synchronized (this) {
            CatalogueSlots target = slots;
            for (String id : itemIds) {
                int position = target.live(id);
                if (position >= 0) {
                    target.kill(position);
                }
            }
            publish(target);
        }
        afterWrite();
    }

    /** Sets interaction counts in place, O(log n) each; unknown ids are ignored. */
    public synchronized void updatePopularity(Map<String, Long> counts) {
        CatalogueSlots target = slots;
        counts.forEach((id, count) -> {
            int position = target.live(id);
            if (position >= 0) {
                target.setPopularity(position, count);
            }
        });
    }

    private void publish(CatalogueSlots target) {
        target.publish();
        current.set(new ItemCatalogue(target));
    }

    /** Graph insertions, then a compaction when the dead slots call for one; one run at a time. */
    private void afterWrite() {
        CatalogueSlots target = slots;
        if (target.pending() > 0 && indexing.compareAndSet(false, true)) {
            submit(indexing, this::indexUntilCaughtUp);
        }
        if (target.dead >= COMPACT_MIN_DEAD && target.dead >= COMPACT_DEAD_SHARE * target.size
                && compacting.compareAndSet(false, true)) {
            submit(compacting, () -> {
                try {
                    compact();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Compacting the catalogue failed; it keeps its dead slots", e);
                } finally {
                    compacting.set(false);
                }
            });
        }
    }

    /**
     * Adds every pending slot to the graph. Items appended after the last check and before the flag is cleared are
     * taken in this same task (a new task could be refused by an executor that is shutting down).
     */
    private void indexUntilCaughtUp() {
        do {
            try {
                CatalogueSlots latest;
                do {
                    latest = slots;
                    latest.indexPending(); // up to the slots appended so far; none while the graph is not wanted
                    // The first insertion may have switched searches to the graph: snapshots say so.
                    synchronized (this) {
                        if (latest == slots && current.get().indexedSize() == 0 && latest.graph != null) {
                            current.set(new ItemCatalogue(latest));
                        }
                    }
                } while (latest != slots || latest.pending() > 0);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Adding items to the vector index failed; they are searched exactly", e);
                return; // the next write tries again
            } finally {
                indexing.set(false);
            }
        } while (slots.pending() > 0 && indexing.compareAndSet(false, true));
    }

    /** Runs a task on the indexer; when the indexer refuses it (shutting down), the next write tries again. */
    private void submit(AtomicBoolean running, Runnable task) {
        try {
            indexer.execute(task);
        } catch (RejectedExecutionException e) {
            running.set(false);
            LOG.log(Level.WARNING, "The indexer refused work; new items are searched exactly until it takes some", e);
        }
    }

    /**
     * Rebuilds the slots from the live items and indexes them again (also when few slots are dead; the store calls
     * it by itself when a third are), without holding writers up: the live items of
     * one version are copied and indexed off the lock, then the slots appended and removed meanwhile are replayed
     * under it (milliseconds) and the new slots published. Seconds for a large catalogue.
     */
    public void compact() {
        synchronized (compaction) {
            compactOnce();
        }
        afterWrite(); // index what was replayed
    }

    private void compactOnce() {
        CatalogueSlots old;
        int frozenSize;
        int frozenVersion;
        synchronized (this) {
            old = slots;
            frozenSize = old.size;
            frozenVersion = old.version;
        }
        long began = System.nanoTime();
        CatalogueSlots fresh = new CatalogueSlots(old.dimension, old.kind, old.seed);
        int[] moved = new int[frozenSize];
        Int8Vector[] rows = old.rows;
        String[] ids = old.ids;
        int[] categories = old.categories;
        int[] diedAt = old.diedAt;
        List<String> names = old.categoryNames;
        long[] counts = old.popularity;
        for (int p = 0; p < frozenSize; p++) {
            moved[p] = -1;
            if (diedAt[p] > frozenVersion) {
                moved[p] = copy(fresh, ids[p], rows[p], old, categories[p] < 0 ? null : names.get(categories[p]),
                        counts[p]);
            }
        }
        fresh.publish();
        fresh.indexPending();
        synchronized (this) {
            int[] nowDied = slots.diedAt;
            long[] nowCounts = slots.popularity;
            for (int p = 0; p < frozenSize; p++) {
                if (moved[p] >= 0 && nowDied[p] == CatalogueSlots.ALIVE) {
                    fresh.setPopularity(moved[p], nowCounts[p]);
                }
            }
            for (int p = 0; p < frozenSize; p++) {
                if (moved[p] >= 0 && nowDied[p] != CatalogueSlots.ALIVE) {
                    fresh.kill(moved[p]);
                }
            }
            Int8Vector[] nowRows = slots.rows;
            String[] nowIds = slots.ids;
            int[] nowCategories = slots.categories;
            List<String> nowNames = slots.categoryNames;
            for (int p = frozenSize; p < slots.size; p++) {
                int position = copy(fresh, nowIds[p], nowRows[p], slots,
                        nowCategories[p] < 0 ? null : nowNames.get(nowCategories[p]), nowCounts[p]);
                if (nowDied[p] != CatalogueSlots.ALIVE && fresh.live(nowIds[p]) == position) {
                    fresh.kill(position);
                }
            }
            int before = slots.size;
            slots = fresh;
            publish(fresh);
            LOG.fine(() -> String.format("Catalogue compacted from %d to %d slots in %.1f s", before, fresh.size,
                    (System.nanoTime() - began) / 1e9));
        }
    }

    private static int copy(CatalogueSlots target, String id, Int8Vector row, CatalogueSlots from, String category,
                            long count) {
        return target.append(id, row == from.zero ? null : row, category, count);
    }
}
