package org.recsys.ml.rank;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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
    void approximateIndicesRecallMostOfTheExactNeighboursAndRespectFilters() {
        ItemCatalogue exact = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.EXACT);
        ItemCatalogue clustered = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.CLUSTERED);
        ItemCatalogue hnsw = RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.HNSW);
        assertThat(exact.index().exact()).isTrue();
        assertThat(clustered.index().exact()).isFalse();
        double clusteredRecall = 0;
        double hnswRecall = 0;
        int queries = 50;
        ItemFilter evenOnly = item -> item % 2 == 0;
        for (int q = 0; q < queries; q++) {
            float[] query = vectors[q * 37];
            Set<Integer> truth = ids(exact.nearest(query, 20, evenOnly));
            ScoredItems fromClusters = clustered.nearest(query, 20, evenOnly);
            ScoredItems fromGraph = hnsw.nearest(query, 20, evenOnly);
            assertThat(java.util.Arrays.stream(fromClusters.items()).allMatch(item -> item % 2 == 0)).isTrue();
            assertThat(java.util.Arrays.stream(fromGraph.items()).allMatch(item -> item % 2 == 0)).isTrue();
            Set<Integer> found = ids(fromClusters);
            found.retainAll(truth);
            clusteredRecall += found.size() / 20.0 / queries;
            Set<Integer> graph = ids(fromGraph);
            graph.retainAll(truth);
            hnswRecall += graph.size() / 20.0 / queries;
            assertThat(fromGraph.scores()[0]).isCloseTo(exact.similarity(query, fromGraph.items()[0]),
                    org.assertj.core.api.Assertions.within(1e-5f));
        }
        assertThat(clusteredRecall).isGreaterThan(0.9);
        assertThat(hnswRecall).isGreaterThan(0.9);
    }
}
