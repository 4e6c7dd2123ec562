package org.recsys.ml.rank;

import org.recsys.ml.vector.Vectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Set;

/**
 * A snapshot of the recommendable items: ids, unit-length vectors, category and popularity per item, and the
 * nearest-neighbour search over them. Items are addressed by position ({@code 0 .. size()-1}); a changed item
 * moves to a new position, so positions are only meaningful within one snapshot.
 * <p>
 * Snapshots are made by {@link #builder(int)} or by {@link CatalogueStore}, and cost O(1) to make: they read shared
 * append-only slots ({@link CatalogueSlots}) up to their size, with the removals made up to their version, so what
 * a snapshot holds never changes. Popularity is the exception: counts change in place (a request may see a count a
 * few milliseconds newer than its snapshot).
 */
public final class ItemCatalogue {

    /** At or below this many live items searches scan exactly; above, the HNSW graph ({@link IndexKind#AUTO}). */
    public static final int EXACT_INDEX_LIMIT = 3000;

    final CatalogueSlots slots;
    final int dimension;
    final int size;
    final int version;
    final String[] ids;
    final Int8Vector[] rows;
    final int[] categories;
    final int[] diedAt;
    final long[] popularity;
    final List<String> categoryNames;
    /** The graph in use when the snapshot was taken, or null (exact search). */
    private final HnswIndex graph;

    /** Called by the slots' one writer, after publishing. */
    ItemCatalogue(CatalogueSlots slots) {
        this.slots = slots;
        this.dimension = slots.dimension;
        this.size = slots.size;
        this.version = slots.version;
        this.rows = slots.rows;
        this.ids = slots.ids;
        this.categories = slots.categories;
        this.diedAt = slots.diedAt;
        this.popularity = slots.popularity;
        this.categoryNames = slots.categoryNames;
        this.graph = slots.wantsGraph() ? slots.graph : null;
    }

    /** Starts a catalogue of vectors with the given dimension. */
    public static Builder builder(int dimension) {
        return new Builder(dimension);
    }

    /** Number of item slots, inactive ones included. */
    public int size() {
        return size;
    }

    /** Vector length. */
    public int dimension() {
        return dimension;
    }

    /** Position of an active item, or -1. */
    public int position(String itemId) {
        for (CatalogueSlots.Slot slot = slots.positions.get(itemId); slot != null; slot = slot.previous()) {
            if (slot.position() < size) {
                return isActive(slot.position()) ? slot.position() : -1;
            }
        }
        return -1;
    }

    /** Id of the item at a position. */
    public String id(int position) {
        return ids[position];
    }

    /** False for slots of removed or replaced items. */
    public boolean isActive(int position) {
        return position < size && diedAt[position] > version;
    }

    /**
     * The vector at a position as floats (a new array; zeros for an item without text): the stored byte-per-component
     * form ({@link Int8Vector}), so within about 0.001 per component of the unit vector that was added.
     */
    public float[] vector(int position) {
        return rows[position].toFloats();
    }

    /** Dot product of a query with the item at a position (cosine for unit-length vectors). */
    public float similarity(float[] query, int position) {
        checkQuery(query);
        return rows[position].dot(query);
    }

    /** A query of another length (a profile from an earlier encoder) would be cut short, not compared: refused. */
    private void checkQuery(float[] query) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("query of dimension " + query.length + ", catalogue of " + dimension);
        }
    }

    /** Cosine similarity of two items. */
    public float similarity(int a, int b) {
        return rows[a].dot(rows[b]);
    }

    /** Category of the item at a position, or {@code null}. */
    public String category(int position) {
        int category = categories[position];
        return category < 0 ? null : categoryNames.get(category);
    }

    /** Index of a category name in this snapshot, or -1. */
    public int categoryIndex(String category) {
        Integer index = slots.categoryIndex.get(category);
        return index == null || index >= categoryNames.size() ? -1 : index;
    }

    /** Number of category names this snapshot knows. */
    public int categoryCount() {
        return categoryNames.size();
    }

    /** Category index of the item at a position, or -1. */
    public int categoryOf(int position) {
        return categories[position];
    }

    /** Interaction count of the item at a position. */
    public long popularity(int position) {
        return popularity[position];
    }

    /** The highest interaction count of an active item, 0 for none. */
    public long maxPopularity() {
        return slots.maxPopularity();
    }

    /** Popularity on a 0..1 log scale (most popular item = 1). */
    public float popularityScore(int position) {
        long max = slots.maxPopularity();
        return max <= 0 ? 0f : (float) (Math.log1p(Math.max(0, popularity[position])) / Math.log1p(max));
    }

    /**
     * Active positions by decreasing popularity, lower id first on ties; O(log n) to start, O(1) per item.
     */
    public PrimitiveIterator.OfInt byPopularity() {
        Iterator<CatalogueSlots.Ranked> ranked = slots.byPopularity.iterator();
        return new PrimitiveIterator.OfInt() {
            /** A count that changes during the walk moves its entry: an item may come round twice. */
            private final Set<Integer> returned = new HashSet<>();
            private int next = advance();

            private int advance() {
                while (ranked.hasNext()) {
                    int position = ranked.next().position();
                    if (isActive(position) && returned.add(position)) {
                        return position;
                    }
                }
                return -1;
            }

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public int nextInt() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                int position = next;
                next = advance();
                return position;
            }
        };
    }

    /** Each active item's rank by popularity (0 = most popular): the novelty measure of the evaluations. */
    public Map<String, Integer> popularityRanks() {
        Map<String, Integer> ranks = new HashMap<>();
        for (PrimitiveIterator.OfInt popular = byPopularity(); popular.hasNext(); ) {
            ranks.put(ids[popular.nextInt()], ranks.size());
        }
        return ranks;
    }

    /**
     * The index searches use: the HNSW graph for large catalogues, otherwise an exact scan. For inspection: the
     * graph covers only {@link #indexedSize()} positions and knows nothing of this snapshot's removals; search
     * through {@link #nearest}.
     */
    public VectorIndex index() {
        return graph != null ? graph : new ExactIndex(rows, 0, size);
    }

    /** Items covered by the graph; later ones are searched exactly. */
    public int indexedSize() {
        return graph == null ? 0 : Math.min(size, graph.indexed());
    }

    /**
     * Most similar active, accepted items to a unit-length query: the graph for the items it covers, an exact scan
     * for the rest (all of a small catalogue, the items appended since the graph last caught up in a large one).
     */
    public ScoredItems nearest(float[] query, int k, ItemFilter filter) {
        checkQuery(query);
        ItemFilter accepted = filter == null ? this::isActive : item -> isActive(item) && filter.accept(item);
        int indexed = indexedSize();
        if (indexed == 0) {
            return new ExactIndex(rows, 0, size).search(query, k, accepted);
        }
        // The graph grows while we search: only what the tail scan below leaves out.
        ScoredItems fromGraph = graph.search(query, k, item -> item < indexed && accepted.accept(item));
        if (indexed >= size) {
            return fromGraph;
        }
        TopK top = new TopK(k);
        for (int r = 0; r < fromGraph.size(); r++) {
            top.offer(fromGraph.items()[r], fromGraph.scores()[r]);
        }
        new ExactIndex(rows, indexed, size).scan(query, accepted, top);
        return top.drain();
    }

    /** Builds a catalogue from scratch, its graph included. Not thread-safe. */
    public static final class Builder {
        private final int dimension;
        private final List<String> ids = new ArrayList<>();
        private final List<float[]> vectors = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private final List<Long> popularity = new ArrayList<>();
        private IndexKind indexKind = IndexKind.AUTO;
        private long seed = 42;

        Builder(int dimension) {
            this.dimension = dimension;
        }

        /**
         * Adds an item; a later add with the same id replaces it.
         *
         * @param vector     text vector (normalised here), or {@code null} for an item without text
         * @param category   category name, or {@code null}
         * @param popularity interaction count
         */
        public Builder add(String itemId, float[] vector, String category, long popularity) {
            CatalogueSlots.checkDimension(itemId, vector, dimension);
            ids.add(itemId);
            vectors.add(vector);
            categories.add(category);
            this.popularity.add(popularity);
            return this;
        }

        /** Chooses the index (default {@link IndexKind#AUTO}). */
        public Builder index(IndexKind kind) {
            this.indexKind = kind;
            return this;
        }

        /** Seed of the graph's level assignment. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Builds the snapshot and, for a large catalogue, its graph (on this thread). */
        public ItemCatalogue build() {
            Map<String, Integer> last = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                last.put(ids.get(i), i);
            }
            CatalogueSlots slots = new CatalogueSlots(dimension, indexKind, seed);
            for (int i = 0; i < ids.size(); i++) {
                if (last.get(ids.get(i)) == i) {
                    float[] vector = vectors.get(i);
                    slots.append(ids.get(i), vector == null ? null : Vectors.normalized(vector), categories.get(i),
                            popularity.get(i));
                }
            }
            slots.publish();
            slots.indexPending();
            return new ItemCatalogue(slots);
        }
    }

    /** Which nearest-neighbour search a catalogue gets. */
    public enum IndexKind {
        /** Exact up to {@link #EXACT_INDEX_LIMIT} live items, the HNSW graph above. */
        AUTO,
        /** Exact scan. */
        EXACT,
        /** Lucene's HNSW graph at any size. */
        HNSW
    }
}
