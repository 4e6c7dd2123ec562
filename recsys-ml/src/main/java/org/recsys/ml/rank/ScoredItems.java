package org.recsys.ml.rank;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Item positions with scores, best first. A plain pair of primitive arrays.
 *
 * @param items  catalogue positions
 * @param scores scores, same order
 */
public record ScoredItems(int[] items, float[] scores) {

    /** Number of items. */
    public int size() {
        return items.length;
    }

    /** The positions as a set (for overlap measures such as recall). */
    public Set<Integer> itemSet() {
        Set<Integer> set = new HashSet<>();
        for (int item : items) {
            set.add(item);
        }
        return set;
    }

    /** Empty result. */
    public static ScoredItems empty() {
        return new ScoredItems(new int[0], new float[0]);
    }

    @Override
    public String toString() {
        return "ScoredItems" + Arrays.toString(items);
    }
}
