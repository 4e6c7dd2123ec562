package org.recsys.ml.rank;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Approximate nearest neighbours in Lucene's in-memory HNSW graph (Malkov and Yashunin, "Efficient and robust
 * approximate nearest neighbor search using Hierarchical Navigable Small World graphs", IEEE TPAMI 2020), grown one
 * node at a time with {@link HnswGraphBuilder#addGraphNode} (O(log n) per insertion) and searched with
 * {@link HnswGraphSearcher}, dot product (cosine for unit vectors).
 * <p>
 * Vectors are the catalogue's byte-per-component rows ({@link Int8Vector}); Lucene's own scalar quantisation lives
 * in its codecs (off-heap segments), so the scorers here are ours: item to item in integers while building, float
 * query to item while searching, both scaled to Lucene's dot-product score {@code (1 + dot) / 2}.
 * <p>
 * Nodes are vector ordinals, added in increasing order; an ordinal may be skipped (an item without text). Lucene's
 * graph has no deletion: callers filter removed ordinals at search time and compact now and then (see
 * {@link CatalogueStore}). Lucene's own concurrent building is internal to its merges, so insertions take a write
 * lock (one insertion, about a millisecond) and searches a read lock; each search walks the graph through its own
 * cursor, because {@link OnHeapHnswGraph#seek} keeps the cursor inside the graph.
 */
public final class HnswIndex implements VectorIndex {

    /** Lucene's defaults: neighbours per node (M) and candidate list while inserting (beam width). */
    public static final int MAX_CONNECTIONS = HnswGraphBuilder.DEFAULT_MAX_CONN;
    public static final int BEAM_WIDTH = HnswGraphBuilder.DEFAULT_BEAM_WIDTH;
    /**
     * Candidates kept while searching (the paper's ef): a search for k items explores as if for at least this many
     * and keeps the best k. Recall@10 against an exact scan of the float vectors, int8 rows, MiniLM review embeddings
     * (docs/benchmarks.md, "Vector index"): ef 10 0.88, ef 40 0.97 at 10,000 items; at 100,000 (real vectors mixed
     * pairwise) ef 40 0.957, ef 50 0.961, ef 100 0.980. The served text queries are k = 40, so they pay little for
     * this floor.
     */
    public static final int SEARCH_BEAM = 50;
    /** Nodes a search may visit before it gives up for an exact scan: at least this, else a quarter of the graph. */
    static final int MIN_VISIT_LIMIT = 5_000;

    private static final Logger LOG = Logger.getLogger(HnswIndex.class.getName());

    /** The vectors by ordinal; a row never changes once it is there, and rows are only added at the end. */
    public interface Rows {
        int size();

        Int8Vector row(int ordinal);
    }

    private final Rows values;
    private final HnswGraphBuilder builder;
    private final OnHeapHnswGraph graph;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Ordinals below this are in the graph (or were skipped). */
    private volatile int indexed;
    private volatile int nodes;

    /**
     * An empty graph over vectors that may grow; nodes are added by {@link #addUpTo}.
     *
     * @param values unit-length vectors by ordinal
     */
    public HnswIndex(Rows values, int maxConnections, int beamWidth, long seed) {
        this.values = values;
        try {
            this.builder = HnswGraphBuilder.create(new ItemScorers(values), maxConnections, beamWidth, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.graph = builder.getGraph();
    }

    /** Lucene's dot-product score: {@code (1 + dot) / 2}, never below zero. */
    private static float luceneScore(float dot) {
        return Math.max(0, (1 + dot) / 2);
    }

    /** Item-to-item scores while building: each insertion scores its candidates against its own row. */
    private record ItemScorers(Rows rows) implements RandomVectorScorerSupplier {
        @Override
        public RandomVectorScorer scorer(int ordinal) {
            Int8Vector node = rows.row(ordinal);
            int maxOrd = rows.size();
            return new RandomVectorScorer() {
                @Override
                public float score(int other) {
                    return luceneScore(node.dot(rows.row(other)));
                }

                @Override
                public int maxOrd() {
                    return maxOrd;
                }
            };
        }

        @Override
        public RandomVectorScorerSupplier copy() {
            return this;
        }
    }

    /**
     * Adds every ordinal from {@link #indexed()} up to {@code upTo} (exclusive) that {@code include} accepts, one
     * insertion per lock hold so searches wait at most one insertion. Single writer.
     */
    public void addUpTo(int upTo, IntPredicate include) {
        for (int ordinal = indexed; ordinal < upTo; ordinal++) {
            if (include.test(ordinal)) {
                lock.writeLock().lock();
                try {
                    builder.addGraphNode(ordinal);
                    nodes++;
                } catch (IOException | RuntimeException e) {
                    // Retrying would fail the same way: the item stays out of the graph (searches miss it).
                    LOG.log(Level.SEVERE, "Vector " + ordinal + " could not be added to the graph", e);
                } finally {
                    lock.writeLock().unlock();
                }
            }
            indexed = ordinal + 1;
        }
    }

    /** Ordinals covered: those below are in the graph or were skipped. */
    public int indexed() {
        return indexed;
    }

    /** Nodes in the graph. */
    public int nodes() {
        return nodes;
    }

    /** Heap held by the graph's neighbour lists (the vectors are the caller's). */
    public long graphBytes() {
        lock.readLock().lock();
        try {
            return graph.ramBytesUsed();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public ScoredItems search(float[] query, int k, ItemFilter filter) {
        return search(query, k, filter, SEARCH_BEAM);
    }

    /** Search keeping at least {@code beam} candidates (the ef of the paper); {@link #search} uses the default. */
    public ScoredItems search(float[] query, int k, ItemFilter filter, int beam) {
        int limit = indexed;
        if (nodes == 0 || k <= 0) {
            return ScoredItems.empty();
        }
        Bits accept = new Bits() {
            @Override
            public boolean get(int ordinal) {
                return ordinal < limit && filter.accept(ordinal);
            }

            @Override
            public int length() {
                return limit;
            }
        };
        lock.readLock().lock();
        try {
            RandomVectorScorer scorer = new RandomVectorScorer() {
                @Override
                public float score(int ordinal) {
                    return luceneScore(values.row(ordinal).dot(query));
                }

                @Override
                public int maxOrd() {
                    return limit;
                }
            };
            // A filter that rejects most items makes the walk cover the graph: past a quarter of it, scan instead.
            TopKnnCollector collector = new TopKnnCollector(Math.max(k, beam), Math.max(MIN_VISIT_LIMIT, limit / 4));
            HnswGraphSearcher.search(scorer, collector, new Cursor(graph), accept);
            if (collector.earlyTerminated()) {
                return scan(query, k, accept, limit);
            }
            TopDocs top = collector.topDocs(); // best first
            int[] items = new int[Math.min(k, top.scoreDocs.length)];
            float[] scores = new float[items.length];
            for (int r = 0; r < items.length; r++) {
                ScoreDoc doc = top.scoreDocs[r];
                items[r] = doc.doc;
                scores[r] = 2 * doc.score - 1; // Lucene scores dot products as (1 + dot) / 2
            }
            return new ScoredItems(items, scores);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private ScoredItems scan(float[] query, int k, Bits accept, int limit) {
        TopK top = new TopK(k);
        for (int ordinal = 0; ordinal < limit; ordinal++) {
            if (accept.get(ordinal)) {
                top.offer(ordinal, values.row(ordinal).dot(query));
            }
        }
        return top.drain();
    }

    @Override
    public boolean exact() {
        return false;
    }

    /** A read-only view of the graph with a cursor of its own, so that searches can run side by side. */
    private static final class Cursor extends HnswGraph {
        private final OnHeapHnswGraph graph;
        private int[] neighbours;
        private int count;
        private int next;

        Cursor(OnHeapHnswGraph graph) {
            this.graph = graph;
        }

        @Override
        public void seek(int level, int target) {
            NeighborArray array = graph.getNeighbors(level, target);
            neighbours = array.nodes();
            count = array.size();
            next = 0;
        }

        @Override
        public int nextNeighbor() {
            return next < count ? neighbours[next++] : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public int size() {
            return graph.size();
        }

        @Override
        public int maxNodeId() {
            return graph.maxNodeId();
        }

        @Override
        public int numLevels() {
            return graph.numLevels();
        }

        @Override
        public int entryNode() {
            return graph.entryNode();
        }

        @Override
        public NodesIterator getNodesOnLevel(int level) {
            return graph.getNodesOnLevel(level);
        }
    }
}
