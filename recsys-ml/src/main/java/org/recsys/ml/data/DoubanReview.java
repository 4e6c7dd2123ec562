package org.recsys.ml.data;

/**
 * A Douban movie review from the DMR sample: either one of the top-level reviews (with the authors' spam label) or
 * one of the reviews in a user's history.
 *
 * @param lineNumber  1-based ordinal of the record in the file (the file is a single JSON object on one line, so
 *                    the ordinal is what a restart resumes after)
 * @param userId      hashed user id
 * @param movieId     Douban movie id
 * @param text        review text (Chinese)
 * @param date        date text as written ({@code YYYY-MM-DD} or with a time)
 * @param stars       1 to 5
 * @param useful      "useful" votes
 * @param spamLabel   0 = spam, 1 = non-spam for top-level reviews; {@code null} for history reviews
 * @param fromHistory true when the review comes from a user's {@code user_reviews}
 */
public record DoubanReview(long lineNumber, String userId, String movieId, String text, String date, float stars,
                           int useful, Integer spamLabel, boolean fromHistory) { }
