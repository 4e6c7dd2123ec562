package org.recsys.ml.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What every snapshot of one catalogue reads, kept so that no write copies or sorts the catalogue: items in
 * append-only slots (a changed item gets a new slot, its old one dies), each death stamped with the version of the
 * snapshot that first shows it, ids mapped to their slots (newest first), popularity counts in a sorted set, and the
 * HNSW graph over the slots' vectors. {@link ItemCatalogue} snapshots see slots below their size that had not died
 * at their version, so a snapshot never changes while writers go on. One writer at a time (the {@link
 * CatalogueStore}'s lock, or a builder); the arrays grow by half again when full (amortised O(1) per slot).
 */
final class CatalogueSlots {

    static final int ALIVE = Integer.MAX_VALUE;

    /** An id's slot, with the slot it replaced (which older snapshots still see). */
    record Slot(int position, Slot previous) { }

    /**
     * A slot's popularity in the sorted set: most popular first, then by id, so that members which hold their items
     * in different slot orders (one loaded them at start-up, another received them one by one) rank ties alike;
     * then by position (an id's old and new slot).
     */
    record Ranked(long count, String id, int position) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked other) {
            int byCount = Long.compare(other.count, count);
            if (byCount != 0) {
                return byCount;
            }
            int byId = id.compareTo(other.id);
            return byId != 0 ? byId : Integer.compare(position, other.position);
        }
    }

    final int dimension;
    final ItemCatalogue.IndexKind kind;
    final long seed;
    /** The vector of an item without text: never put in the graph. */
    final Int8Vector zero;

    volatile String[] ids = new String[16];
    /** Vectors quantised to a byte per component ({@link Int8Vector}): a quarter of the floats' heap. */
    volatile Int8Vector[] rows = new Int8Vector[16];
    volatile int[] categories = new int[16];
    volatile int[] diedAt = filled(16);
    volatile long[] popularity = new long[16];
    volatile List<String> categoryNames = List.of();
    final Map<String, Integer> categoryIndex = new ConcurrentHashMap<>();
    final Map<String, Slot> positions = new ConcurrentHashMap<>();
    final ConcurrentSkipListSet<Ranked> byPopularity = new ConcurrentSkipListSet<>();
    volatile HnswIndex graph;

    /** Slots appended (read by the graph's vector view from other threads). */
    volatile int size;
    int version;
    int dead;

    CatalogueSlots(int dimension, ItemCatalogue.IndexKind kind, long seed) {
        this.dimension = dimension;
        this.kind = kind;
        this.seed = seed;
        this.zero = Int8Vector.of(null, dimension);
    }

    private static int[] filled(int length) {
        int[] array = new int[length];
        Arrays.fill(array, ALIVE);
        return array;
    }

    /** Refuses a vector of another length (checked before a batch changes anything). */
    static void checkDimension(String itemId, float[] vector, int dimension) {
        if (vector != null && vector.length != dimension) {
            throw new IllegalArgumentException("item " + itemId + ": dimension " + vector.length + ", expected "
                    + dimension);
        }
    }

    /** Deaths from now on belong to the next snapshot. */
    int nextVersion() {
        return version + 1;
    }

    /** The slots of the next snapshot are complete. */
    void publish() {
        version = nextVersion();
    }

    /**
     * Appends an item; its earlier live slot, if any, dies.
     *
     * @param unitVector unit-length vector, or {@code null} for an item without text
     */
    int append(String id, float[] unitVector, String category, long count) {
        return append(id, unitVector == null ? null : Int8Vector.of(unitVector, dimension), category, count);
    }

    /** Appends an item with its vector already quantised (compaction moves rows without rounding them again). */
    int append(String id, Int8Vector row, String category, long count) {
        int position = size;
        ensureCapacity(position + 1);
        ids[position] = id;
        // All zeros (no text) is one shared array, never put in the graph.
        rows[position] = row == null || row.isZero() ? zero : row;
        categories[position] = category == null ? -1 : category(category);
        popularity[position] = count;
        diedAt[position] = ALIVE;
        Slot previous = positions.get(id);
        if (previous != null && diedAt[previous.position()] == ALIVE) {
            kill(previous.position());
        }
        positions.put(id, new Slot(position, previous));
        byPopularity.add(new Ranked(count, id, position));
        size = position + 1;
        return position;
    }

    /** The id's live slot, or -1. */
    int live(String id) {
        Slot slot = positions.get(id);
        return slot != null && diedAt[slot.position()] == ALIVE ? slot.position() : -1;
    }

    /**
     * The slot dies from the next version on. Its popularity entry stays (older snapshots still show the slot;
     * iterators skip what their snapshot does not) until the next compaction.
     */
    void kill(int position) {
        diedAt[position] = nextVersion();
        dead++;
    }

    /** Moves a live slot's popularity entry: the new one first, so an iterator never finds the item missing. */
    void setPopularity(int position, long count) {
        long[] counts = popularity;
        long before = counts[position];
        if (before == count) {
            return;
        }
        String id = ids[position];
        byPopularity.add(new Ranked(count, id, position));
        counts[position] = count;
        byPopularity.remove(new Ranked(before, id, position));
    }

    /** The highest count of a live slot, 0 for none. */
    long maxPopularity() {
        int[] deaths = diedAt;
        for (Ranked ranked : byPopularity) {
            if (ranked.position() < deaths.length && deaths[ranked.position()] == ALIVE) {
                return ranked.count();
            }
        }
        return 0;
    }

    private int category(String name) {
        Integer known = categoryIndex.get(name);
        if (known != null) {
            return known;
        }
        List<String> names = new ArrayList<>(categoryNames);
        names.add(name);
        categoryNames = List.copyOf(names); // rare (a new category): snapshots keep the list they saw
        categoryIndex.put(name, names.size() - 1);
        return names.size() - 1;
    }

    private void ensureCapacity(int wanted) {
        int capacity = ids.length;
        if (wanted <= capacity) {
            return;
        }
        int grown = Math.max(wanted, capacity + (capacity >> 1) + 16);
        // New arrays first, then published: snapshots keep the arrays they saw, which hold all their slots.
        String[] newIds = Arrays.copyOf(ids, grown);
        Int8Vector[] newRows = Arrays.copyOf(rows, grown);
        int[] newCategories = Arrays.copyOf(categories, grown);
        int[] newDiedAt = Arrays.copyOf(diedAt, grown);
        Arrays.fill(newDiedAt, capacity, grown, ALIVE);
        long[] newPopularity = Arrays.copyOf(popularity, grown);
        rows = newRows;
        ids = newIds;
        categories = newCategories;
        diedAt = newDiedAt;
        popularity = newPopularity;
    }

    /** Whether searches use the graph: always for {@code HNSW}, above the exact limit for {@code AUTO}. */
    boolean wantsGraph() {
        return kind == ItemCatalogue.IndexKind.HNSW
                || (kind == ItemCatalogue.IndexKind.AUTO && size - dead > ItemCatalogue.EXACT_INDEX_LIMIT);
    }

    /** Creates the graph when first wanted and adds every slot appended since (the caller's thread). */
    void indexPending() {
        if (!wantsGraph()) {
            return;
        }
        HnswIndex index = graph;
        if (index == null) {
            index = new HnswIndex(new SlotRows(this), HnswIndex.MAX_CONNECTIONS, HnswIndex.BEAM_WIDTH, seed);
            graph = index;
        }
        int upTo = size; // read before rows: the rows array seen then holds every slot below it
        Int8Vector[] current = rows;
        index.addUpTo(upTo, position -> current[position] != zero);
    }

    /** Slots appended but not yet in the graph; none while searches do not use it. */
    int pending() {
        if (!wantsGraph()) {
            return 0;
        }
        HnswIndex index = graph;
        return index == null ? size : size - index.indexed();
    }

    /** The slots' vectors as the graph reads them: no copy, since rows are never written after their append. */
    private record SlotRows(CatalogueSlots slots) implements HnswIndex.Rows {
        @Override
        public int size() {
            return slots.size;
        }

        @Override
        public Int8Vector row(int ordinal) {
            return slots.rows[ordinal];
        }
    }
}
