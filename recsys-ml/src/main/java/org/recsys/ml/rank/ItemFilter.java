package org.recsys.ml.rank;

/**
 * Accepts or rejects catalogue items by position, without boxing.
 */
@FunctionalInterface
public interface ItemFilter {

    /** Accepts every item. */
    ItemFilter ALL = item -> true;

    /** @param item position of the item in the catalogue snapshot */
    boolean accept(int item);

    /** Both filters. */
    default ItemFilter and(ItemFilter other) {
        return item -> accept(item) && other.accept(item);
    }
}
