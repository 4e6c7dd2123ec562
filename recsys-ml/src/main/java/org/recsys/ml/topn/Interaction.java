package org.recsys.ml.topn;

/**
 * One positive or neutral contact of a user with an item (a view, purchase, like or rating; rejections are not
 * interactions), as the collaborative-filtering models learn from it.
 *
 * @param userId    user id
 * @param itemId    item id
 * @param timestamp when it happened, epoch seconds (orders the time-based splits)
 */
public record Interaction(String userId, String itemId, long timestamp) {
}
