package org.recsys.ml.rank;

import org.recsys.ml.vector.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the recommendable items: ids, unit-length vectors in one flat {@code float[]},
 * category and popularity per item, and a {@link VectorIndex} over them. Items are addressed by position
 * ({@code 0 .. size()-1}); positions are only meaningful within one snapshot.
 * <p>
 * Snapshots are made by {@link #builder(int)} or derived by {@link CatalogueStore}. Arrays may be shared with
 * later snapshots, which only ever write beyond this snapshot's {@code size()}, so readers of this snapshot never
 * see a change. The index covers the first {@link #indexedSize()} items; items appended later are searched
 * exactly until the next rebuild.
 */
public final class ItemCatalogue {

    /** Catalogues at or below this size use the exact index; larger ones the clustered index. */
    public static final int EXACT_INDEX_LIMIT = 3000;

    final int dimension;
    final int size;
    final String[] ids;
    final Map<String, Integer> positions;
    final float[] vectors;
    final boolean[] active;
    final int[] categories;
    final List<String> categoryNames;
    final Map<String, Integer> categoryIndex;
    final long[] popularity;
    final float[] popularityScore;
    final int[] byPopularity;
    final VectorIndex index;
    final int indexedSize;

    ItemCatalogue(int dimension, int size, String[] ids, Map<String, Integer> positions, float[] vectors,
                  boolean[] active, int[] categories, List<String> categoryNames, Map<String, Integer> categoryIndex,
                  long[] popularity, VectorIndex index, int indexedSize) {
        this.dimension = dimension;
        this.size = size;
        this.ids = ids;
        this.positions = positions;
        this.vectors = vectors;
        this.active = active;
        this.categories = categories;
        this.categoryNames = categoryNames;
        this.categoryIndex = categoryIndex;
        this.popularity = popularity;
        this.index = index;
        this.indexedSize = indexedSize;
        this.popularityScore = new float[size];
        long max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, popularity[i]);
        }
        double scale = max > 0 ? 1 / Math.log1p(max) : 0;
        for (int i = 0; i < size; i++) {
            popularityScore[i] = (float) (Math.log1p(Math.max(0, popularity[i])) * scale);
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(popularity[b], popularity[a]));
        this.byPopularity = new int[size];
        for (int i = 0; i < size; i++) {
            byPopularity[i] = order[i];
        }
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
        Integer position = positions.get(itemId);
        return position == null ? -1 : position;
    }

    /** Id of the item at a position. */
    public String id(int position) {
        return ids[position];
    }

    /** False for slots of removed or replaced items. */
    public boolean isActive(int position) {
        return active[position];
    }

    /** Copy of the unit-length vector at a position. */
    public float[] vector(int position) {
        return Arrays.copyOfRange(vectors, position * dimension, (position + 1) * dimension);
    }

    /** Dot product of a query with the item at a position (cosine for unit-length vectors). */
    public float similarity(float[] query, int position) {
        return Vectors.dot(query, vectors, position * dimension);
    }

    /** Cosine similarity of two items. */
    public float similarity(int a, int b) {
        return Vectors.dot(vectors, a * dimension, vectors, b * dimension, dimension);
    }

    /** Category of the item at a position, or {@code null}. */
    public String category(int position) {
        int category = categories[position];
        return category < 0 ? null : categoryNames.get(category);
    }

    /** Index of a category name, or -1. */
    public int categoryIndex(String category) {
        Integer index = categoryIndex.get(category);
        return index == null ? -1 : index;
    }

    /** Category index of the item at a position, or -1. */
    public int categoryOf(int position) {
        return categories[position];
    }

    /** Interaction count of the item at a position. */
    public long popularity(int position) {
        return popularity[position];
    }

    /** Popularity on a 0..1 log scale (most popular item = 1). */
    public float popularityScore(int position) {
        return popularityScore[position];
    }

    /** Positions by decreasing popularity (inactive included; callers filter). */
    public int popularityRank(int rank) {
        return byPopularity[rank];
    }

    /** The nearest-neighbour index of this snapshot. */
    public VectorIndex index() {
        return index;
    }

    /** Items covered by the index; later ones are searched exactly. */
    public int indexedSize() {
        return indexedSize;
    }

    /**
     * Most similar active, accepted items to a unit-length query: the index for indexed items, an exact scan for
     * items appended since the index was built.
     */
    public ScoredItems nearest(float[] query, int k, ItemFilter filter) {
        ItemFilter accepted = filter == null ? this::isActive : item -> active[item] && filter.accept(item);
        ScoredItems indexed = index.search(query, k, accepted);
        if (indexedSize >= size) {
            return indexed;
        }
        TopK top = new TopK(k);
        for (int r = 0; r < indexed.size(); r++) {
            top.offer(indexed.items()[r], indexed.scores()[r]);
        }
        for (int item = indexedSize; item < size; item++) {
            if (accepted.accept(item)) {
                top.offer(item, similarity(query, item));
            }
        }
        return top.drain();
    }

    /** Builds a catalogue from scratch. Not thread-safe. */
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
            if (vector != null && vector.length != dimension) {
                throw new IllegalArgumentException("item " + itemId + ": dimension " + vector.length + ", expected "
                        + dimension);
            }
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

        /** Seed of the clustered index's k-means. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Builds the snapshot and its index. */
        public ItemCatalogue build() {
            Map<String, Integer> last = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                last.put(ids.get(i), i);
            }
            int n = last.size();
            String[] idArray = new String[n];
            float[] vectorArray = new float[n * dimension];
            boolean[] active = new boolean[n];
            int[] categoryArray = new int[n];
            long[] popularityArray = new long[n];
            List<String> categoryNames = new ArrayList<>();
            Map<String, Integer> categoryIndex = new HashMap<>();
            Map<String, Integer> positions = new HashMap<>(n * 2);
            int position = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (last.get(ids.get(i)) != i) {
                    continue;
                }
                idArray[position] = ids.get(i);
                positions.put(ids.get(i), position);
                if (vectors.get(i) != null) {
                    float[] unit = Vectors.normalized(vectors.get(i));
                    System.arraycopy(unit, 0, vectorArray, position * dimension, dimension);
                }
                active[position] = true;
                String category = categories.get(i);
                categoryArray[position] = category == null ? -1 : categoryIndex.computeIfAbsent(category, c -> {
                    categoryNames.add(c);
                    return categoryNames.size() - 1;
                });
                popularityArray[position] = popularity.get(i);
                position++;
            }
            VectorIndex index = IndexKind.build(indexKind, vectorArray, n, dimension, seed);
            return new ItemCatalogue(dimension, n, idArray, Collections.unmodifiableMap(positions), vectorArray, active,
                    categoryArray, Collections.unmodifiableList(categoryNames), categoryIndex, popularityArray, index, n);
        }
    }

    /** Which nearest-neighbour index a snapshot gets. */
    public enum IndexKind {
        /** Exact up to {@link #EXACT_INDEX_LIMIT} items, clustered above. */
        AUTO,
        /** Exact scan. */
        EXACT,
        /** Inverted file over k-means cells. */
        CLUSTERED,
        /** Lucene HNSW graph. */
        HNSW;

        static VectorIndex build(IndexKind kind, float[] vectors, int size, int dimension, long seed) {
            IndexKind chosen = kind == AUTO ? (size <= EXACT_INDEX_LIMIT ? EXACT : CLUSTERED) : kind;
            return switch (chosen) {
                case EXACT, AUTO -> new ExactIndex(vectors, size, dimension);
                case CLUSTERED -> ClusteredIndex.build(vectors, size, dimension, seed);
                case HNSW -> HnswIndex.build(vectors, size, dimension, 16, 100, seed);
            };
        }
    }
}
