package org.recsys.ml.rank;

import org.apache.lucene.util.hnsw.RandomAccessVectorValues;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VectorIndexTest {

    private final float[][] vectors = RankFixtures.clusteredVectors(4000, 32, 40, 1);

    private static Set<Integer> ids(ScoredItems items) {
        Set<Integer> ids = new HashSet<>();
        for (int item : items.items()) {
            ids.add(item);
        }
        return ids;
    }

    @Test
    void topKKeepsTheBestInOrder() {
        TopK top = new TopK(3);
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f, 0.3f};
        for (int i = 0; i < scores.length; i++) {
            top.offer(i, scores[i]);
        }
        ScoredItems best = top.drain();
        assertThat(best.items()).containsExactly(1, 3, 2);
        assertThat(best.scores()).containsExactly(0.9f, 0.7f, 0.5f);
        assertThat(new TopK(0).drain().size()).isZero();
    }

    @Test
    void theGraphRecallsTheExactNeighboursAndRespectsFilters() {
        ItemCatalogue exact = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.EXACT);
        ItemCatalogue hnsw = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.HNSW);
        ItemCatalogue auto = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.AUTO);
        assertThat(exact.index().exact()).isTrue();
        assertThat(hnsw.index()).isInstanceOf(HnswIndex.class);
        assertThat(auto.index()).isInstanceOf(HnswIndex.class); // 4,000 items: above the exact limit
        assertThat(hnsw.indexedSize()).isEqualTo(4000);
        double recall = 0;
        int queries = 50;
        ItemFilter evenOnly = item -> item % 2 == 0;
        for (int q = 0; q < queries; q++) {
            float[] query = vectors[q * 37];
            Set<Integer> truth = ids(exact.nearest(query, 20, evenOnly));
            ScoredItems fromGraph = hnsw.nearest(query, 20, evenOnly);
            assertThat(Arrays.stream(fromGraph.items()).allMatch(item -> item % 2 == 0)).isTrue();
            Set<Integer> found = ids(fromGraph);
            found.retainAll(truth);
            recall += found.size() / 20.0 / queries;
            assertThat(fromGraph.scores()[0]).isCloseTo(exact.similarity(query, fromGraph.items()[0]), within(1e-5f));
        }
        assertThat(recall).isGreaterThan(0.95);
    }

    @Test
    void aGraphGrownOneNodeAtATimeSkipsWhatItIsToldToAndFindsTheRest() {
        List<float[]> rows = new ArrayList<>();
        HnswIndex graph = new HnswIndex(RandomAccessVectorValues.fromFloats(rows, 32), 16, 100, 7);
        assertThat(graph.search(vectors[0], 5, ItemFilter.ALL).size()).isZero();
        for (int step = 0; step < 4; step++) {
            for (int i = step * 1000; i < (step + 1) * 1000; i++) {
                rows.add(vectors[i]);
            }
            graph.addUpTo(rows.size(), ordinal -> ordinal % 10 != 3); // every tenth from 3 on is left out
            assertThat(graph.indexed()).isEqualTo(rows.size());
            assertThat(graph.nodes()).isEqualTo(rows.size() - rows.size() / 10);
        }
        ExactIndex exact = new ExactIndex(rows.toArray(float[][]::new), 0, rows.size());
        double recall = 0;
        for (int q = 0; q < 40; q++) {
            float[] query = vectors[q * 97 + 1];
            ScoredItems found = graph.search(query, 10, ItemFilter.ALL);
            assertThat(Arrays.stream(found.items()).noneMatch(item -> item % 10 == 3)).isTrue();
            Set<Integer> truth = ids(exact.search(query, 10, item -> item % 10 != 3));
            Set<Integer> hits = ids(found);
            hits.retainAll(truth);
            recall += hits.size() / 10.0 / 40;
        }
        assertThat(recall).isGreaterThan(0.95);
        assertThat(graph.graphBytes()).isPositive();
    }
}
