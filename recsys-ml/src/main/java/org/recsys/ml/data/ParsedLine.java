package org.recsys.ml.data;

import java.util.Objects;

/**
 * What a cursor returns for one record of input: either the parsed record or the reason it was rejected.
 *
 * @param lineNumber 1-based line number where the record starts
 * @param record     the parsed record, or {@code null} when rejected
 * @param rejected   the rejection, or {@code null} when accepted
 * @param <T>        record type
 */
public record ParsedLine<T>(long lineNumber, T record, RejectedRecord rejected) {

    public ParsedLine {
        if ((record == null) == (rejected == null)) {
            throw new IllegalArgumentException("exactly one of record and rejected must be set");
        }
    }

    public static <T> ParsedLine<T> accepted(long lineNumber, T record) {
        return new ParsedLine<>(lineNumber, Objects.requireNonNull(record), null);
    }

    public static <T> ParsedLine<T> rejected(long lineNumber, String reason, String rawText) {
        return new ParsedLine<>(lineNumber, null, new RejectedRecord(lineNumber, reason, rawText));
    }

    public boolean isAccepted() {
        return record != null;
    }
}
