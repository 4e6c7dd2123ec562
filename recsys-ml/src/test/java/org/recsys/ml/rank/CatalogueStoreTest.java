package org.recsys.ml.rank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CatalogueStoreTest {

    @Test
    void snapshotsAreImmutableWhileTheStoreChanges() {
        float[][] vectors = RankFixtures.clusteredVectors(100, 8, 5, 2);
        CatalogueStore store = new CatalogueStore(RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.HNSW));
        ItemCatalogue before = store.current();
        store.upsertAll(List.of(new CatalogueItem("new", vectors[3], "fresh", 5),
                new CatalogueItem("i3", vectors[50], "odd", 1)));
        ItemCatalogue after = store.current();

        assertThat(before.position("new")).isEqualTo(-1);
        assertThat(before.size()).isEqualTo(100);
        assertThat(before.position("i3")).isEqualTo(3);
        assertThat(before.categoryIndex("fresh")).isEqualTo(-1);
        assertThat(after.position("new")).isEqualTo(100);
        assertThat(after.category(100)).isEqualTo("fresh");
        assertThat(after.position("i3")).isEqualTo(101);
        assertThat(after.isActive(3)).isFalse();
        assertThat(before.isActive(3)).isTrue();
        assertThat(store.pendingItems()).isZero(); // indexed on the writer's thread
        assertThat(after.nearest(vectors[3], 1, item -> item != 3).items()[0]).isEqualTo(100);

        store.removeAll(List.of("new"));
        assertThat(store.current().position("new")).isEqualTo(-1);
        assertThat(after.position("new")).isEqualTo(100);
        assertThat(store.current().nearest(vectors[3], 3, null).items()).doesNotContain(100, 3);
        store.updatePopularity(Map.of("i7", 10_000L));
        assertThat(store.current().id(store.current().byPopularity().nextInt())).isEqualTo("i7");
        assertThat(store.current().popularityScore(store.current().position("i7"))).isEqualTo(1f);
        assertThat(store.deadSlots()).isEqualTo(2);

        store.compact();
        assertThat(store.deadSlots()).isZero();
        assertThat(store.current().size()).isEqualTo(100);
        assertThat(store.current().position("i3")).isNotNegative();
        assertThat(store.current().id(store.current().byPopularity().nextInt())).isEqualTo("i7");
        assertThat(after.position("i3")).isEqualTo(101); // an old snapshot outlives the compaction
    }

    @Test
    void popularityOrderFollowsEveryChangeAndSkipsRemovedItems() {
        float[][] vectors = RankFixtures.clusteredVectors(50, 8, 5, 4);
        CatalogueStore store = new CatalogueStore(RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.EXACT));
        store.updatePopularity(Map.of("i1", 500L, "i2", 400L, "i3", 300L));
        store.removeAll(List.of("i2"));
        store.updatePopularity(Map.of("i3", 600L));
        var order = store.current().byPopularity();
        assertThat(List.of(store.current().id(order.nextInt()), store.current().id(order.nextInt())))
                .containsExactly("i3", "i1");
        int seen = 2;
        while (order.hasNext()) {
            assertThat(store.current().id(order.nextInt())).isNotEqualTo("i2");
            seen++;
        }
        assertThat(seen).isEqualTo(49);
    }

    @Test
    @Timeout(120) // before the fix this never returned: the indexer waited for a graph it no longer wanted
    void aCatalogueThatShrinksBelowTheExactLimitStopsIndexingAndKeepsWorking() {
        float[][] vectors = RankFixtures.clusteredVectors(3300, 16, 10, 6);
        CatalogueStore store = new CatalogueStore(RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.AUTO));
        assertThat(store.current().index()).isInstanceOf(HnswIndex.class);
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            removed.add("i" + i);
        }
        store.removeAll(removed);
        store.upsert(new CatalogueItem("i500", vectors[7], null, 3));
        assertThat(store.current().index().exact()).isTrue(); // 2,900 live items: exact again
        assertThat(store.pendingItems()).isZero();
        assertThat(store.current().nearest(vectors[7], 1, null).items()[0]).isEqualTo(store.current()
                .position("i500"));
    }

    @Test
    void aBatchWithAWrongVectorChangesNothing() {
        float[][] vectors = RankFixtures.clusteredVectors(50, 8, 5, 7);
        CatalogueStore store = new CatalogueStore(RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.EXACT));
        ItemCatalogue before = store.current();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.upsertAll(List.of(
                new CatalogueItem("fine", vectors[1], null, 1), new CatalogueItem("wrong", new float[3], null, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong");
        assertThat(store.current()).isSameAs(before);
        assertThat(store.current().position("fine")).isEqualTo(-1);
        store.upsert(new CatalogueItem("fine", vectors[1], null, 1));
        assertThat(store.current().size()).isEqualTo(51); // no half batch was left behind to publish
    }

    @Test
    void compactionKeepsEveryChangeMadeWhileItRuns() throws Exception {
        float[][] vectors = RankFixtures.clusteredVectors(4000, 16, 20, 5);
        ExecutorService background = Executors.newSingleThreadExecutor();
        ItemCatalogue.Builder builder = ItemCatalogue.builder(16);
        Map<String, Integer> expected = new HashMap<>(); // id -> index of its vector in vectors
        for (int i = 0; i < 3500; i++) {
            builder.add("i" + i, vectors[i], null, 0);
            expected.put("i" + i, i);
        }
        CatalogueStore store = new CatalogueStore(builder.build(), background);
        Random random = new Random(9);
        try {
            for (int round = 0; round < 6000; round++) {
                String id = "i" + random.nextInt(4000);
                if (random.nextInt(5) == 0) {
                    store.removeAll(List.of(id));
                    expected.remove(id);
                } else {
                    int vector = random.nextInt(4000);
                    store.upsert(new CatalogueItem(id, vectors[vector], null, 0));
                    expected.put(id, vector);
                }
                if (round == 3000) {
                    background.submit(store::compact); // one more, whatever the dead share
                }
            }
        } finally {
            background.shutdown();
            assertThat(background.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }
        ItemCatalogue catalogue = store.current();
        assertThat(store.deadSlots()).isLessThan(catalogue.size()); // compactions ran
        int live = 0;
        for (int p = 0; p < catalogue.size(); p++) {
            if (catalogue.isActive(p)) {
                live++;
                assertThat(expected).containsKey(catalogue.id(p));
            }
        }
        assertThat(live).isEqualTo(expected.size());
        expected.forEach((id, vector) -> {
            int position = catalogue.position(id);
            assertThat(position).as(id).isNotNegative();
            assertThat(catalogue.vector(position)).containsExactly(vectors[vector], within(0.01f));
        });
        assertThat(store.pendingItems()).isZero();
        assertThat(catalogue.indexedSize()).isEqualTo(catalogue.size());
    }

    @Test
    void concurrentReadersNeverSeeABrokenSnapshot() throws Exception {
        float[][] vectors = RankFixtures.clusteredVectors(3500, 16, 10, 3);
        ExecutorService indexer = Executors.newSingleThreadExecutor();
        CatalogueStore store = new CatalogueStore(RankFixtures.catalogue(vectors, ItemCatalogue.IndexKind.AUTO),
                indexer);
        HybridRecommender recommender = new HybridRecommender();
        UserState user = UserState.builder("u").profile(vectors[0]).consumed(List.of("i0", "i10")).build();
        AtomicBoolean stop = new AtomicBoolean();
        // Writes start only once both readers answered once: on a busy machine they could otherwise all land
        // before a reader ran, and the test would show nothing about concurrency.
        CountDownLatch readersRunning = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(pool.submit(() -> {
                    int requests = 0;
                    do {
                        List<Recommendation> result = recommender.recommend(user, store.current(), null, 10);
                        if (result.size() != 10 || result.stream().anyMatch(r -> r.itemId().equals("i0")
                                || r.itemId().equals("i10")) || result.stream().map(Recommendation::itemId)
                                .distinct().count() != 10) {
                            throw new AssertionError("bad result " + result);
                        }
                        if (requests++ == 0) {
                            readersRunning.countDown();
                        }
                    } while (!stop.get());
                    return requests;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!readersRunning.await(100, TimeUnit.MILLISECONDS)) {
                for (Future<Integer> reader : readers) {
                    if (reader.isDone()) {
                        reader.get(); // a reader that failed on its first request: its error, not a timeout
                    }
                }
                assertThat(System.nanoTime()).as("both readers answered once within a minute").isLessThan(deadline);
            }
            for (int n = 0; n < 1500; n++) {
                store.upsert(new CatalogueItem(n % 3 == 0 ? "i" + n : "new" + n, vectors[n % 3500], null, n));
            }
            stop.set(true);
            for (Future<Integer> reader : readers) {
                reader.get(); // rethrows what a reader found wrong
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            indexer.shutdown();
            indexer.awaitTermination(1, TimeUnit.MINUTES);
        }
        assertThat(store.current().position("new1499")).isNotNegative();
        assertThat(store.pendingItems()).isZero();
    }
}
