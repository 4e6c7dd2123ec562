package org.recsys.ml.rank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VectorIndexTest {

    private final float[][] vectors = RankFixtures.clusteredVectors(4000, 32, 40, 1);


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
            Set<Integer> truth = exact.nearest(query, 20, evenOnly).itemSet();
            ScoredItems fromGraph = hnsw.nearest(query, 20, evenOnly);
            assertThat(Arrays.stream(fromGraph.items()).allMatch(item -> item % 2 == 0)).isTrue();
            Set<Integer> found = fromGraph.itemSet();
            found.retainAll(truth);
            recall += found.size() / 20.0 / queries;
            assertThat(fromGraph.scores()[0]).isCloseTo(exact.similarity(query, fromGraph.items()[0]), within(1e-5f));
        }
        assertThat(recall).isGreaterThan(0.95);
    }

    @Test
    void aFilterThatRejectsAlmostEverythingStillGetsTheExactAnswer() {
        ItemCatalogue exact = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.EXACT);
        ItemCatalogue hnsw = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.HNSW);
        ItemFilter rare = item -> item % 397 == 5; // 11 of 4,000 items, in every topic
        for (int q = 0; q < 10; q++) {
            float[] query = vectors[q * 101];
            assertThat(hnsw.nearest(query, 10, rare).items()).containsExactly(exact.nearest(query, 10, rare).items());
        }
    }

    @Test
    void aGraphGrownOneNodeAtATimeSkipsWhatItIsToldToAndFindsTheRest() {
        List<float[]> rows = new ArrayList<>();
        HnswIndex graph = new HnswIndex(new HnswIndex.Rows() {
            @Override
            public int size() {
                return rows.size();
            }

            @Override
            public Int8Vector row(int ordinal) {
                return Int8Vector.of(rows.get(ordinal), 32);
            }
        }, 16, 100, 7);
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
            assertThat(found.size()).isEqualTo(10);
            for (int r = 1; r < found.size(); r++) {
                assertThat(found.scores()[r]).as("best first").isLessThanOrEqualTo(found.scores()[r - 1]);
            }
            Set<Integer> truth = exact.search(query, 10, item -> item % 10 != 3).itemSet();
            Set<Integer> hits = found.itemSet();
            hits.retainAll(truth);
            recall += hits.size() / 10.0 / 40;
        }
        assertThat(recall).isGreaterThan(0.95);
        assertThat(graph.graphBytes()).isPositive();
    }
}
