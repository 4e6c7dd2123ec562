package org.recsys.ml.eval;

import org.recsys.ml.interest.InterestClusterer;
import org.recsys.ml.interest.InterestMember;
import org.recsys.ml.rank.ExactIndex;
import org.recsys.ml.rank.HybridRecommender;
import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.ItemFilter;
import org.recsys.ml.rank.UserState;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Per-request cost of {@link HybridRecommender#recommend} on a catalogue of real text vectors, next to one
 * brute-force cosine top-10 over the same catalogue, timed in a loop after a warm-up; plus requests per second
 * with one thread per core. The users have 3 to 5 interest points from 30 liked items each and 50 excluded
 * items, the shape of a typical request.
 */
final class LatencyBenchmark {

    private LatencyBenchmark() {
    }

    static void run(List<float[]> vectors, int catalogueSize, long seed, ResultTable table, PrintStream log)
            throws Exception {
        int size = Math.min(catalogueSize, vectors.size());
        int dimension = vectors.get(0).length;
        SplittableRandom random = new SplittableRandom(seed);
        ItemCatalogue.Builder builder = ItemCatalogue.builder(dimension);
        for (int i = 0; i < size; i++) {
            builder.add("i" + i, vectors.get(i), "c" + (i % 20), (long) (1000 * Math.pow(random.nextDouble(), 4)));
        }
        long start = System.nanoTime();
        ItemCatalogue catalogue = builder.build();
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        InterestClusterer clusterer = new InterestClusterer(null).withSeed(seed);
        List<UserState> users = new ArrayList<>();
        for (int u = 0; u < 200; u++) {
            List<InterestMember> members = new ArrayList<>();
            List<String> liked = new ArrayList<>();
            List<String> consumed = new ArrayList<>();
            int anchor = random.nextInt(size);
            for (int m = 0; m < 30; m++) {
                // Liked items near a few anchors, so users have real clusters.
                int item = m % 10 == 0 ? (anchor = random.nextInt(size)) : catalogue.nearest(catalogue.vector(anchor),
                        12, ItemFilter.ALL).items()[random.nextInt(12)];
                members.add(new InterestMember("i" + item, catalogue.vector(item), "", 1));
                liked.add("i" + item);
            }
            for (int c = 0; c < 50; c++) {
                consumed.add("i" + random.nextInt(size));
            }
            users.add(UserState.builder("u" + u).interests(clusterer.cluster(members)).liked(liked)
                    .consumed(consumed).build());
        }
        HybridRecommender recommender = new HybridRecommender();
        ExactIndex exact = new ExactIndex(rowsOf(catalogue), 0, size);
        int warmup = 2000;
        int measured = 5000;
        for (int r = 0; r < warmup; r++) {
            recommender.recommend(users.get(r % users.size()), catalogue, null, 10);
            exact.search(users.get(r % users.size()).interests().get(0).centroid(), 10, ItemFilter.ALL);
        }
        start = System.nanoTime();
        for (int r = 0; r < measured; r++) {
            recommender.recommend(users.get(r % users.size()), catalogue, null, 10);
        }
        double hybridMicros = (System.nanoTime() - start) / 1e3 / measured;
        start = System.nanoTime();
        for (int r = 0; r < measured; r++) {
            exact.search(users.get(r % users.size()).interests().get(0).centroid(), 10, ItemFilter.ALL);
        }
        double exactMicros = (System.nanoTime() - start) / 1e3 / measured;
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int perThread = measured;
            List<Future<?>> futures = new ArrayList<>();
            start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < perThread; r++) {
                        recommender.recommend(users.get((r + offset * 7) % users.size()), catalogue, null, 10);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double throughput = threads * perThread / seconds;
            table.add("latency", "HYBRID_RECOMMENDER").put("us_per_request", hybridMicros)
                    .put("requests_per_s", throughput).put("ratio_to_exact_top10", hybridMicros / exactMicros)
                    .detail("catalogue_items", size).detail("threads", threads)
                    .detail("index", catalogue.index().getClass().getSimpleName())
                    .detail("catalogue_build_s", buildSeconds);
            table.add("latency", "EXACT_COSINE_TOP10").put("us_per_request", exactMicros)
                    .detail("catalogue_items", size);
            log.printf("  hybrid %.0f us/request, exact top-10 %.0f us, %.0f requests/s on %d threads%n",
                    hybridMicros, exactMicros, throughput, threads);
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[][] rowsOf(ItemCatalogue catalogue) {
        float[][] rows = new float[catalogue.size()][];
        for (int i = 0; i < catalogue.size(); i++) {
            rows[i] = catalogue.vector(i);
        }
        return rows;
    }
}
