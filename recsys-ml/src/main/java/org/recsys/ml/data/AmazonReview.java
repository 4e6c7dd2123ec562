package org.recsys.ml.data;

import java.util.List;
import java.util.Map;

/**
 * One Amazon review, from either the 2014 or the 2018 release (McAuley et al.; Ni, Li and McAuley, EMNLP 2019).
 * Fields absent in a release are {@code null} or empty.
 *
 * @param lineNumber     1-based line number
 * @param reviewerId     {@code reviewerID}
 * @param asin           product id
 * @param reviewerName   may be {@code null}
 * @param reviewText     empty when missing
 * @param summary        empty when missing
 * @param overall        stars, 1 to 5
 * @param unixReviewTime seconds since the epoch, 0 when missing
 * @param helpfulVotes   2014 {@code helpful[0]} or 2018 {@code vote}; 0 when missing
 * @param totalVotes     2014 {@code helpful[1]}; {@code null} in 2018 data
 * @param verified       2018 only, {@code null} otherwise
 * @param style          2018 product style map (e.g. "Format:" to "Hardcover"), empty when missing
 * @param imageUrls      2018 image URLs, empty when missing
 */
public record AmazonReview(long lineNumber, String reviewerId, String asin, String reviewerName, String reviewText,
                           String summary, float overall, long unixReviewTime, int helpfulVotes, Integer totalVotes,
                           Boolean verified, Map<String, String> style, List<String> imageUrls) {

    /** Summary and body joined, the text the encoder reads. */
    public String fullText() {
        if (summary.isEmpty()) {
            return reviewText;
        }
        if (reviewText.isEmpty()) {
            return summary;
        }
        return summary + ". " + reviewText;
    }
}
