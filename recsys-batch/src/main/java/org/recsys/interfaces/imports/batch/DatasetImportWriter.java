package org.recsys.interfaces.imports.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.recsys.domain.model.dataimport.DatasetImportRepository;
import org.recsys.domain.model.dataimport.RejectedLine;
import org.recsys.ml.data.RejectedRecord;

/**
 * Stores the accepted records of a chunk and, in the same transaction, adds the chunk's counts to the import and
 * keeps its first rejected lines. A chunk that rolls back therefore leaves neither rows nor counts behind.
 */
abstract class DatasetImportWriter<T> extends AbstractItemWriter {

    @Inject
    JobContext job;
    @Inject
    DatasetImportRepository imports;

    /** What storing the accepted records of a chunk did. */
    protected record Result(long stored, List<Rejection<?>> rejections) {
    }

    /** A record that parsed but cannot be stored (for example, a rating of an item the dataset never defined). */
    protected record Rejection<T>(ImportLine<T> line, String reason) {
    }

    /** Stores the accepted lines; returns how many created or changed something, and any it had to reject. */
    protected abstract Result store(List<ImportLine<T>> accepted);

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        List<ImportLine<T>> accepted = new ArrayList<>(items.size());
        List<RejectedLine> rejected = new ArrayList<>();
        long importId = ImportParameters.of(job).importId();
        for (Object item : items) {
            ImportLine<T> line = (ImportLine<T>) item;
            if (line.parsed().isAccepted()) {
                accepted.add(line);
            } else {
                RejectedRecord why = line.parsed().rejected();
                rejected.add(new RejectedLine(importId, line.file(), why.lineNumber(), why.reason(), why.rawText()));
            }
        }
        Result result = accepted.isEmpty() ? new Result(0, List.of()) : store(accepted);
        for (Rejection<?> rejection : result.rejections()) {
            rejected.add(new RejectedLine(importId, rejection.line().file(), rejection.line().parsed().lineNumber(),
                    rejection.reason(), String.valueOf(rejection.line().parsed().record())));
        }
        imports.addCounts(importId, items.size(), result.stored(), rejected.size());
        if (!rejected.isEmpty()) {
            imports.keepRejected(importId, rejected);
        }
    }
}
