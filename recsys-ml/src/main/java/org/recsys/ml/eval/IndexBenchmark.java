package org.recsys.ml.eval;

import org.recsys.ml.rank.CatalogueItem;
import org.recsys.ml.rank.CatalogueStore;
import org.recsys.ml.rank.ExactIndex;
import org.recsys.ml.rank.HnswIndex;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.ItemFilter;
import org.recsys.ml.rank.ScoredItems;
import org.recsys.ml.vector.Vectors;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The catalogue's vector index as it grows, on real text embeddings: a {@link CatalogueStore} with the server's
 * default index ({@code AUTO}: exact up to {@link ItemCatalogue#EXACT_INDEX_LIMIT}, Lucene HNSW above) is filled one
 * upsert at a time, and at each size the benchmark measures what one more upsert costs (append plus graph insertion,
 * on this thread), what a popularity change costs, a top-10 search next to an exact scan of the same snapshot (the
 * baseline, same run), and recall@10 of the search against that scan for held-out real vectors. Catalogues larger
 * than the corpus are made of real vectors mixed pairwise with noise (said in each row).
 */
final class IndexBenchmark {

    private static final int QUERIES = 200;
    /** The corpus vector each extra item was given (the truth of the recall is rebuilt from it). */
    private static final Map<String, Integer> extras = new HashMap<>();
    /** Catalogue sizes measured; {@code -Drecsys.index.sizes=2000,...,1000000} for others (1M needs -Xmx4g). */
    private static final int[] SIZES = java.util.Arrays.stream(System.getProperty("recsys.index.sizes",
            "2000,10000,30000,100000").split(",")).mapToInt(size -> Integer.parseInt(size.trim())).toArray();
    /** One network hop of a scatter-gather on a LAN, assumed (loopback here cannot measure it). */
    static final double HOP_MICROS = 250;

    private IndexBenchmark() {
    }

    static void run(List<float[]> corpus, long seed, ResultTable table, PrintStream log) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> real = new ArrayList<>(corpus);
        java.util.Collections.shuffle(real, new java.util.Random(seed));
        List<float[]> queries = real.subList(0, Math.min(QUERIES, real.size() / 10));
        List<float[]> items = real.subList(queries.size(), real.size());
        int dimension = items.get(0).length;
        long baseline = heapAfterGc(); // the corpus and the JVM's own, before the catalogue
        CatalogueStore store = new CatalogueStore(ItemCatalogue.builder(dimension).build());
        int added = 0;
        Map<Integer, double[]> latencies = new java.util.LinkedHashMap<>();
        for (int size : SIZES) {
            long began = System.nanoTime();
            while (added < size) {
                store.upsert(new CatalogueItem("i" + added, vector(items, added, seed), "c" + (added % 20),
                        random.nextInt(1000)));
                added++;
            }
            double growSeconds = (System.nanoTime() - began) / 1e9;
            latencies.put(size, measure(store, items, queries, size, random, seed, growSeconds, baseline, table,
                    log));
        }
        simulateShards(latencies, random, table, log);
    }

    /**
     * A measured model of partitioning: the largest catalogue split into S equal shards, one per member, each
     * searched at once (scatter) and the best k merged (gather). A request then takes one hop out and back plus the
     * slowest of S shard searches, each drawn from the latencies measured above at the shard's size.
     */
    private static void simulateShards(Map<Integer, double[]> latencies, SplittableRandom random, ResultTable table,
                                       PrintStream log) {
        int total = SIZES[SIZES.length - 1];
        for (int shardSize : SIZES) {
            int shards = Math.max(1, Math.round(total / (float) shardSize));
            double[] samples = latencies.get(shardSize);
            int requests = 100_000;
            double[] simulated = new double[requests];
            for (int r = 0; r < requests; r++) {
                double slowest = 0;
                for (int s = 0; s < shards; s++) {
                    slowest = Math.max(slowest, samples[random.nextInt(samples.length)]);
                }
                simulated[r] = slowest + (shards > 1 ? 2 * HOP_MICROS : 0);
            }
            java.util.Arrays.sort(simulated);
            double p50 = simulated[requests / 2];
            double p99 = simulated[(int) (requests * 0.99)];
            table.add("index", "SHARDS_" + shards).put("members", shards).put("items_per_member", shardSize)
                    .put("search_p50_us", p50).put("search_p99_us", p99)
                    .detail("model", "slowest of " + shards + " measured shard searches + " + (shards > 1
                            ? 2 * HOP_MICROS + " us network" : "no network"));
            log.printf("  %,d items on %d member(s) of %,d: simulated search p50 %.0f us, p99 %.0f us%n", total,
                    shards, shardSize, p50, p99);
        }
    }

    /** Item n's vector: real below the corpus size, a noisy mix of two real ones above (the same for the same n). */
    private static float[] vector(List<float[]> items, int n, long seed) {
        if (n < items.size()) {
            return items.get(n);
        }
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
        float[] a = items.get(random.nextInt(items.size()));
        float[] b = items.get(random.nextInt(items.size()));
        float mix = (float) random.nextDouble(0.2, 0.8);
        float[] made = new float[a.length];
        for (int d = 0; d < a.length; d++) {
            made[d] = mix * a[d] + (1 - mix) * b[d] + (float) (0.02 * random.nextGaussian());
        }
        return Vectors.normalizeInPlace(made);
    }

    /** Measures one size; returns the per-query search latencies (us). */
    private static double[] measure(CatalogueStore store, List<float[]> items, List<float[]> queries, int size,
                                SplittableRandom random, long seed, double growSeconds, long baseline,
                                ResultTable table, PrintStream log) {
        // One more upsert (a new item) and one replaced item, 500 each: what a write costs at this size.
        int writes = 500;
        long began = System.nanoTime();
        for (int w = 0; w < writes; w++) {
            int n = random.nextInt(items.size());
            extras.put("extra" + size + "-" + w, n);
            store.upsert(new CatalogueItem("extra" + size + "-" + w, vector(items, n, seed), null, 1));
        }
        double upsertMicros = (System.nanoTime() - began) / 1e3 / writes;
        Map<String, Long> counts = new HashMap<>();
        began = System.nanoTime();
        for (int w = 0; w < writes; w++) {
            counts.clear();
            counts.put("i" + random.nextInt(size), (long) random.nextInt(5000));
            store.updatePopularity(counts);
        }
        double popularityMicros = (System.nanoTime() - began) / 1e3 / writes;

        ItemCatalogue catalogue = store.current();
        double heapBytesPerItem = (heapAfterGc() - baseline) / (double) catalogue.size();
        // The truth is an exact scan of the float vectors as they were added (the catalogue keeps them as bytes).
        float[][] rows = new float[catalogue.size()][];
        for (int p = 0; p < rows.length; p++) {
            String id = catalogue.id(p);
            rows[p] = vector(items, id.startsWith("extra") ? extras.get(id) : Integer.parseInt(id.substring(1)), seed);
        }
        ExactIndex exact = new ExactIndex(rows, 0, rows.length);
        ItemFilter active = catalogue::isActive;
        double recall = 0;
        for (float[] query : queries) {
            Set<Integer> truth = exact.search(query, 10, active).itemSet();
            Set<Integer> found = catalogue.nearest(query, 10, null).itemSet();
            found.retainAll(truth);
            recall += found.size() / 10.0 / queries.size();
        }
        int rounds = Math.max(3, 200_000 / size);
        for (float[] query : queries) { // warm-up
            catalogue.nearest(query, 10, null);
        }
        double[] perQuery = new double[rounds * queries.size()];
        began = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (int q = 0; q < queries.size(); q++) {
                long one = System.nanoTime();
                catalogue.nearest(queries.get(q), 10, null);
                perQuery[r * queries.size() + q] = (System.nanoTime() - one) / 1e3;
            }
        }
        double searchMicros = (System.nanoTime() - began) / 1e3 / rounds / queries.size();
        double[] sorted = perQuery.clone();
        java.util.Arrays.sort(sorted);
        int exactRounds = Math.max(1, rounds / 10);
        began = System.nanoTime();
        for (int r = 0; r < exactRounds; r++) {
            for (float[] query : queries) {
                exact.search(query, 10, active);
            }
        }
        double exactMicros = (System.nanoTime() - began) / 1e3 / exactRounds / queries.size();
        String vectors = size <= items.size() ? "real" : "real up to " + items.size() + ", then mixed pairs";
        if (catalogue.index() instanceof HnswIndex graph) {
            sweepBeams(graph, exact, active, queries, size, vectors, table, log);
        }
        table.add("index", "CATALOGUE_" + size).put("items", size).put("recall_at_10", recall)
                .put("search_us", searchMicros).put("search_p99_us", sorted[(int) (sorted.length * 0.99)])
                .put("exact_search_us", exactMicros)
                .put("search_ratio_to_exact", searchMicros / exactMicros).put("upsert_us", upsertMicros)
                .put("popularity_update_us", popularityMicros)
                .put("graph_bytes_per_item", store.graphBytes() / (double) catalogue.size())
                .put("heap_bytes_per_item", heapBytesPerItem)
                .detail("index", catalogue.index().getClass().getSimpleName()).detail("vectors", vectors)
                .detail("grow_seconds", growSeconds);
        log.printf("  %,d items (%s): recall@10 %.3f, search %.0f us vs exact %.0f us (x%.3f), upsert %.0f us, "
                        + "popularity %.1f us, graph %.0f B/item, heap %.0f B/item, grown in %.1f s%n", size, vectors,
                recall, searchMicros, exactMicros, searchMicros / exactMicros, upsertMicros, popularityMicros,
                store.graphBytes() / (double) catalogue.size(), heapBytesPerItem, growSeconds);
        return perQuery;
    }

    /** Recall@10 and cost of the graph alone for several search beams (ef), to choose the default. */
    private static void sweepBeams(HnswIndex graph, ExactIndex exact, ItemFilter active, List<float[]> queries,
                                   int size, String vectors, ResultTable table, PrintStream log) {
        for (int beam : new int[] {10, 20, 40, HnswIndex.SEARCH_BEAM, 100}) {
            double recall = 0;
            for (float[] query : queries) {
                Set<Integer> found = graph.search(query, 10, active, beam).itemSet();
                found.retainAll(exact.search(query, 10, active).itemSet());
                recall += found.size() / 10.0 / queries.size();
            }
            long began = System.nanoTime();
            for (float[] query : queries) {
                graph.search(query, 10, active, beam);
            }
            double micros = (System.nanoTime() - began) / 1e3 / queries.size();
            table.add("index", "BEAM_" + beam + "_AT_" + size).put("items", size).put("search_beam", beam)
                    .put("recall_at_10", recall).put("search_us", micros).detail("vectors", vectors);
            log.printf("    beam %d: recall@10 %.3f, %.0f us%n", beam, recall, micros);
        }
    }

    /** Heap in use after full collections. */
    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

}
