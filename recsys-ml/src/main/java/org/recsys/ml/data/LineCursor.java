package org.recsys.ml.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Base for line-oriented cursors: opens plain or gzipped files (detected from the magic bytes, not the name),
 * counts lines and skips those up to the resume point without parsing them.
 *
 * @param <T> record type
 */
public abstract class LineCursor<T> implements RecordCursor<T> {

    private final BufferedReader reader;
    private long lineNumber;

    /**
     * @param path            file to read
     * @param charset         character set of the (decompressed) content
     * @param resumeAfterLine lines up to and including this one are skipped; 0 reads everything
     */
    protected LineCursor(Path path, Charset charset, long resumeAfterLine) throws IOException {
        this.reader = new BufferedReader(new InputStreamReader(openMaybeGzipped(path), charset), 1 << 16);
        while (lineNumber < resumeAfterLine && reader.readLine() != null) {
            lineNumber++;
        }
    }

    /** Opens a file, transparently decompressing it when it starts with the gzip magic number. */
    public static InputStream openMaybeGzipped(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first == 0x1f && second == 0x8b) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /** Reads one raw line and advances the line counter; {@code null} at the end. */
    protected final String readLine() throws IOException {
        String line = reader.readLine();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    @Override
    public ParsedLine<T> next() throws IOException {
        String line;
        while ((line = readLine()) != null) {
            if (line.isBlank()) {
                continue; // blank lines carry nothing; neither record nor error
            }
            return parse(lineNumber, line);
        }
        return null;
    }

    /** Parses one non-blank line. Must not throw for malformed content. */
    protected abstract ParsedLine<T> parse(long lineNumber, String line) throws IOException;

    @Override
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
