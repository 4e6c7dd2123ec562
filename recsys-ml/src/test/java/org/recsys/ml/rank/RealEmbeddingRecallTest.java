package org.recsys.ml.rank;

import org.junit.jupiter.api.Test;
import org.recsys.ml.data.AmazonReview;
import org.recsys.ml.data.AmazonReviewReader;
import org.recsys.ml.testing.RealData;
import org.recsys.ml.text.InProcessEncoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's vector index on real text embeddings (MiniLM over Amazon review texts): grown one upsert at a time,
 * then with a fifth of the items removed, its top 10 recalls at least 95% of the exact top 10 for held-out reviews.
 */
class RealEmbeddingRecallTest {

    @Test
    void theGrownGraphRecallsTheExactTopTenOfRealEmbeddings() throws Exception {
        Path file = RealData.require("amazon-musical-instruments-5core/reviews_Musical_Instruments_5.json.gz");
        List<AmazonReview> reviews = AmazonReviewReader.open(file, 0, false).readAll();
        Collections.shuffle(reviews, new Random(3));
        List<String> texts = new ArrayList<>();
        reviews.subList(0, 4200).forEach(r -> texts.add(r.fullText()));
        List<float[]> vectors = InProcessEncoder.allMiniLmL6V2(null).encodeAll(texts);
        List<float[]> queries = vectors.subList(4000, 4200);

        CatalogueStore store = new CatalogueStore(ItemCatalogue.builder(vectors.get(0).length).build());
        for (int i = 0; i < 4000; i++) {
            store.upsert(new CatalogueItem("r" + i, vectors.get(i), null, 0));
        }
        assertThat(store.current().index()).isInstanceOf(HnswIndex.class); // 4,000 live items: above the limit
        assertThat(recall(store.current(), vectors, queries)).isGreaterThanOrEqualTo(0.95);

        List<String> removed = new ArrayList<>();
        for (int i = 0; i < 4000; i += 5) {
            removed.add("r" + i);
        }
        store.removeAll(removed);
        ItemCatalogue afterRemoval = store.current();
        assertThat(afterRemoval.index()).isInstanceOf(HnswIndex.class); // 3,200 live: still the graph
        assertThat(recall(afterRemoval, vectors, queries)).isGreaterThanOrEqualTo(0.95);
        for (float[] query : queries.subList(0, 20)) {
            for (int item : afterRemoval.nearest(query, 10, null).items()) {
                assertThat(removed).doesNotContain(afterRemoval.id(item));
            }
        }
    }

    /** Against an exact scan of the float vectors as encoded (the catalogue keeps them as bytes). */
    private static double recall(ItemCatalogue catalogue, List<float[]> vectors, List<float[]> queries) {
        ExactIndex exact = new ExactIndex(rows(catalogue, vectors), 0, catalogue.size());
        double recall = 0;
        for (float[] query : queries) {
            Set<Integer> truth = exact.search(query, 10, catalogue::isActive).itemSet();
            Set<Integer> found = catalogue.nearest(query, 10, null).itemSet();
            found.retainAll(truth);
            recall += found.size() / 10.0 / queries.size();
        }
        return recall;
    }

    private static float[][] rows(ItemCatalogue catalogue, List<float[]> vectors) {
        float[][] rows = new float[catalogue.size()][];
        for (int p = 0; p < rows.length; p++) {
            rows[p] = vectors.get(Integer.parseInt(catalogue.id(p).substring(1)));
        }
        return rows;
    }

}
