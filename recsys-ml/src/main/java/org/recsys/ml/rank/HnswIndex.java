package org.recsys.ml.rank;

import org.apache.lucene.codecs.hnsw.DefaultFlatVectorScorer;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Approximate nearest neighbours with Lucene 9's in-memory HNSW graph (Malkov and Yashunin, IEEE TPAMI 2020),
 * built with {@link HnswGraphBuilder} over {@link RandomAccessVectorValues} and searched with
 * {@link HnswGraphSearcher}, using the dot product (cosine for unit vectors). For catalogues of hundreds of
 * thousands of items, where even the clustered index scans too much. Lucene's graph keeps search state inside
 * the graph object, so searches are serialised on this index.
 */
public final class HnswIndex implements VectorIndex {

    private final List<float[]> rows;
    private final RandomAccessVectorValues.Floats values;
    private final OnHeapHnswGraph graph;
    private final int size;

    private HnswIndex(List<float[]> rows, RandomAccessVectorValues.Floats values, OnHeapHnswGraph graph) {
        this.rows = rows;
        this.values = values;
        this.graph = graph;
        this.size = rows.size();
    }

    /**
     * Builds the graph over the first {@code size} vectors.
     *
     * @param maxConnections neighbours per node (Lucene's M, e.g. 16)
     * @param beamWidth      candidate list size while building (e.g. 100)
     */
    public static HnswIndex build(float[] vectors, int size, int dimension, int maxConnections, int beamWidth,
                                  long seed) {
        List<float[]> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            float[] row = new float[dimension];
            System.arraycopy(vectors, i * dimension, row, 0, dimension);
            rows.add(row);
        }
        try {
            RandomAccessVectorValues.Floats values = RandomAccessVectorValues.fromFloats(rows, dimension);
            RandomVectorScorerSupplier supplier = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorerSupplier(
                    VectorSimilarityFunction.DOT_PRODUCT, values);
            HnswGraphBuilder builder = HnswGraphBuilder.create(supplier, maxConnections, beamWidth, seed);
            OnHeapHnswGraph graph = builder.build(size);
            return new HnswIndex(rows, values, graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized ScoredItems search(float[] query, int k, ItemFilter filter) {
        if (size == 0) {
            return ScoredItems.empty();
        }
        try {
            RandomVectorScorer scorer = DefaultFlatVectorScorer.INSTANCE.getRandomVectorScorer(
                    VectorSimilarityFunction.DOT_PRODUCT, values.copy(), query);
            Bits accept = new Bits() {
                @Override
                public boolean get(int index) {
                    return filter.accept(index);
                }

                @Override
                public int length() {
                    return size;
                }
            };
            KnnCollector collector = HnswGraphSearcher.search(scorer, k, graph, accept, Integer.MAX_VALUE);
            TopDocs top = collector.topDocs();
            int[] items = new int[top.scoreDocs.length];
            float[] scores = new float[items.length];
            for (int r = 0; r < items.length; r++) {
                ScoreDoc doc = top.scoreDocs[r];
                items[r] = doc.doc;
                scores[r] = 2 * doc.score - 1; // Lucene scores dot products as (1 + dot) / 2
            }
            return new ScoredItems(items, scores);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vectors indexed. */
    public int size() {
        return rows.size();
    }

    @Override
    public boolean exact() {
        return false;
    }
}
