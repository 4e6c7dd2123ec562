package org.recsys.ml.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A pull-style, streaming reader over one input file. Not thread-safe; one cursor per import.
 *
 * @param <T> record type
 */
public interface RecordCursor<T> extends Closeable {

    /**
     * Reads the next record.
     *
     * @return the next parsed (or rejected) record, or {@code null} at the end of input
     * @throws IOException when the file itself cannot be read (malformed content is returned, not thrown)
     */
    ParsedLine<T> next() throws IOException;

    /** Line number of the last line consumed so far; store it as the restart checkpoint. */
    long lineNumber();

    /**
     * Drains the cursor, handing accepted records and rejections to the two consumers, and closes it.
     *
     * @return counts of what was read
     */
    default ReadSummary forEach(Consumer<? super T> accepted, Consumer<? super RejectedRecord> rejected) {
        long acceptedCount = 0;
        long rejectedCount = 0;
        try (this) {
            ParsedLine<T> line;
            while ((line = next()) != null) {
                if (line.isAccepted()) {
                    acceptedCount++;
                    accepted.accept(line.record());
                } else {
                    rejectedCount++;
                    rejected.accept(line.rejected());
                }
            }
            return new ReadSummary(acceptedCount, rejectedCount, lineNumber());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every accepted record into a list, dropping rejections; for tests and small files. */
    default List<T> readAll() {
        List<T> records = new ArrayList<>();
        forEach(records::add, rejected -> { });
        return records;
    }

    /**
     * Counts from draining a cursor.
     *
     * @param accepted records parsed
     * @param rejected records rejected
     * @param lastLine last line number read
     */
    record ReadSummary(long accepted, long rejected, long lastLine) { }
}
