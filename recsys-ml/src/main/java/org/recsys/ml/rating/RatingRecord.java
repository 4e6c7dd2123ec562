package org.recsys.ml.rating;

/**
 * One observed rating.
 *
 * @param userId    user id
 * @param itemId    item id
 * @param rating    the rating value on the dataset's scale
 * @param timestamp seconds since the epoch (used for time-ordered splits; 0 when unknown)
 */
public record RatingRecord(String userId, String itemId, float rating, long timestamp) { }
