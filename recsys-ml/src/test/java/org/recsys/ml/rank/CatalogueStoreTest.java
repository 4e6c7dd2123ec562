package org.recsys.ml.rank;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueStoreTest {

    @Test
    void snapshotsAreImmutableWhileTheStoreChanges() {
        float[][] vectors = RankFixtures.clusteredVectors(100, 8, 5, 2);
        CatalogueStore store = new CatalogueStore(RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.CLUSTERED),
                ItemCatalogue.IndexKind.CLUSTERED);
        ItemCatalogue before = store.current();
        store.upsertAll(List.of(new CatalogueItem("new", vectors[3], "fresh", 5),
                new CatalogueItem("i3", vectors[50], "odd", 1)));
        ItemCatalogue after = store.current();

        assertThat(before.position("new")).isEqualTo(-1);
        assertThat(before.size()).isEqualTo(100);
        assertThat(after.position("new")).isEqualTo(100);
        assertThat(after.category(100)).isEqualTo("fresh");
        assertThat(after.position("i3")).isEqualTo(101);
        assertThat(after.isActive(3)).isFalse();
        assertThat(before.isActive(3)).isTrue();
        assertThat(store.pendingItems()).isEqualTo(2);
        // The appended item is found by search before any rebuild.
        assertThat(after.nearest(vectors[3], 1, item -> item != 3).items()[0]).isEqualTo(100);

        store.removeAll(List.of("new"));
        assertThat(store.current().position("new")).isEqualTo(-1);
        assertThat(store.current().nearest(vectors[3], 3, null).items()).doesNotContain(100, 3);
        store.updatePopularity(Map.of("i7", 10_000L));
        assertThat(store.current().id(store.current().popularityRank(0))).isEqualTo("i7");
        assertThat(store.current().popularityScore(store.current().position("i7"))).isEqualTo(1f);

        store.rebuild();
        assertThat(store.pendingItems()).isZero();
        assertThat(store.current().size()).isEqualTo(100);
        assertThat(store.current().position("i3")).isNotNegative();
    }

    @Test
    void concurrentReadersNeverSeeABrokenSnapshot() throws Exception {
        float[][] vectors = RankFixtures.clusteredVectors(500, 16, 10, 3);
        CatalogueStore store = new CatalogueStore(RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.AUTO),
                ItemCatalogue.IndexKind.AUTO);
        HybridRecommender recommender = new HybridRecommender();
        UserState user = UserState.builder("u").profile(vectors[0]).consumed(List.of("i0", "i10")).build();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    int requests = 0;
                    while (!stop.get()) {
                        List<Recommendation> result = recommender.recommend(user, store.current(), null, 10);
                        if (result.size() != 10 || result.stream().anyMatch(r -> r.itemId().equals("i0")
                                || r.itemId().equals("i10"))) {
                            throw new AssertionError("bad result " + result);
                        }
                        requests++;
                    }
                    return requests;
                }));
            }
            for (int n = 0; n < 300; n++) {
                store.upsert(new CatalogueItem("new" + n, vectors[n % 500], null, n));
                if (n % 100 == 99) {
                    store.rebuild();
                }
            }
            stop.set(true);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).isPositive();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        assertThat(store.current().position("new299")).isNotNegative();
    }
}
