package org.recsys.ml.data;

/**
 * One line of MovieLens {@code u.data}.
 *
 * @param lineNumber 1-based line number
 * @param userId     user id as written in the file
 * @param itemId     movie id as written in the file
 * @param rating     stars, 1 to 5
 * @param timestamp  seconds since the epoch
 */
public record MovieLensRating(long lineNumber, String userId, String itemId, float rating, long timestamp) { }
