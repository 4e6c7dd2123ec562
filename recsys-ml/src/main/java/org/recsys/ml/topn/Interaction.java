package org.recsys.ml.topn;

/**
 * One positive or neutral contact of a user with an item (a view, purchase, like or rating; rejections are not
 * interactions), as the collaborative-filtering models learn from it.
 *
 * @param userId        user id
 * @param itemId        item id
 * @param timestamp     when it happened, epoch seconds (orders the time-based splits)
 * @param profileWeight how the online profile update weighs it (the server's {@code w}: +1 for 5 stars, -1 for 1,
 *                      0 for 3; see {@code FeedbackWeights}), so that text profiles built offline match the server's
 */
public record Interaction(String userId, String itemId, long timestamp, double profileWeight) {

    /** An interaction that moves the profile towards the item with weight 1 (a like, a purchase). */
    public Interaction(String userId, String itemId, long timestamp) {
        this(userId, itemId, timestamp, 1.0);
    }
}
