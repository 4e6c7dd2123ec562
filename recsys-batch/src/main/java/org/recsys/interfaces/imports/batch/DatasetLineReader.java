package org.recsys.interfaces.imports.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.recsys.ml.data.ParsedLine;
import org.recsys.ml.data.RecordCursor;

/**
 * Streams the lines of one or more files, one record at a time, so no file is ever loaded whole. Its checkpoint is
 * the file and the last line of the last committed chunk, so a restarted job skips exactly what is already stored.
 */
abstract class DatasetLineReader<T> extends AbstractItemReader {

    @Inject
    JobContext job;

    private List<Path> files;
    private int fileIndex;
    private RecordCursor<T> cursor;

    /** The files to read, in order; empty when this step has nothing to read. */
    protected abstract List<Path> files(Path source);

    protected abstract RecordCursor<T> open(Path file, long resumeAfterLine) throws IOException;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        files = files(ImportParameters.of(job).path());
        long resumeAfter = 0;
        if (checkpoint instanceof ImportCheckpoint resume) {
            fileIndex = resume.fileIndex();
            resumeAfter = resume.line();
        }
        if (fileIndex < files.size()) {
            cursor = open(files.get(fileIndex), resumeAfter);
        }
    }

    @Override
    public Object readItem() throws IOException {
        while (cursor != null) {
            ParsedLine<T> parsed = cursor.next();
            if (parsed != null) {
                return new ImportLine<>(files.get(fileIndex).getFileName().toString(), parsed);
            }
            cursor.close();
            cursor = ++fileIndex < files.size() ? open(files.get(fileIndex), 0) : null;
        }
        return null;
    }

    @Override
    public Serializable checkpointInfo() {
        return new ImportCheckpoint(fileIndex, cursor == null ? 0 : cursor.lineNumber());
    }

    @Override
    public void close() throws IOException {
        if (cursor != null) {
            cursor.close();
        }
    }
}
