package org.recsys.ml.data;

/**
 * A line (or record) of input that could not be turned into a record.
 *
 * @param lineNumber 1-based line number where the record starts
 * @param reason     why it was rejected, in plain words
 * @param rawText    the raw input, cut to {@link #MAX_RAW_LENGTH} characters so a huge bad line cannot flood a log
 */
public record RejectedRecord(long lineNumber, String reason, String rawText) {

    /** Longest raw text kept. */
    public static final int MAX_RAW_LENGTH = 2000;

    public RejectedRecord {
        if (rawText != null && rawText.length() > MAX_RAW_LENGTH) {
            rawText = rawText.substring(0, MAX_RAW_LENGTH);
        }
    }
}
