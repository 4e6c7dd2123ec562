package org.recsys.ml.eval;

import org.recsys.ml.rank.ItemCatalogue;
import org.recsys.ml.rank.TopK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure collaborative filtering baseline for top-N: item-item cosine similarity of the binary user-item matrix,
 * a user's score for an item being the sum of its similarities to the items the user has (Sarwar, Karypis, Konstan
 * and Riedl, "Item-Based Collaborative Filtering Recommendation Algorithms", WWW 2001; Deshpande and Karypis,
 * ACM TOIS 2004). Dense item-item matrix: for evaluation-sized catalogues only.
 */
final class ItemCollaborativeFiltering {

    private final ItemCatalogue catalogue;
    private final float[] similarity;
    private final int items;

    ItemCollaborativeFiltering(ItemCatalogue catalogue, Map<String, Set<String>> userItems) {
        this.catalogue = catalogue;
        this.items = catalogue.size();
        this.similarity = new float[items * items];
        int[] counts = new int[items];
        for (Set<String> owned : userItems.values()) {
            int[] positions = owned.stream().mapToInt(catalogue::position).filter(p -> p >= 0).toArray();
            for (int a : positions) {
                counts[a]++;
                for (int b : positions) {
                    if (a != b) {
                        similarity[a * items + b]++;
                    }
                }
            }
        }
        for (int a = 0; a < items; a++) {
            for (int b = 0; b < items; b++) {
                float co = similarity[a * items + b];
                if (co > 0) {
                    similarity[a * items + b] = (float) (co / Math.sqrt((double) counts[a] * counts[b]));
                }
            }
        }
    }

    List<String> recommend(Set<String> owned, int n) {
        float[] scores = new float[items];
        boolean[] excluded = new boolean[items];
        for (String id : owned) {
            int a = catalogue.position(id);
            if (a < 0) {
                continue;
            }
            excluded[a] = true;
            int offset = a * items;
            for (int b = 0; b < items; b++) {
                scores[b] += similarity[offset + b];
            }
        }
        TopK top = new TopK(n);
        for (int b = 0; b < items; b++) {
            if (!excluded[b]) {
                // Popularity as a tiny tie-breaker for users whose items have no co-occurrences.
                top.offer(b, scores[b] + 1e-6f * catalogue.popularityScore(b));
            }
        }
        int[] best = top.drain().items();
        List<String> out = new ArrayList<>(best.length);
        for (int b : best) {
            out.add(catalogue.id(b));
        }
        return out;
    }
}
