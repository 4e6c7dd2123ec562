package org.recsys.domain.model.dataimport;

import java.util.List;
import java.util.Optional;

/** Import requests, their counts and their kept rejected lines. */
public interface DatasetImportRepository {

    Optional<DatasetImport> find(long id);

    void store(DatasetImport datasetImport);

    /** Adds to the counts of an import inside the caller's transaction. */
    void addCounts(long importId, long read, long stored, long rejected);

    /** Keeps rejected lines while the import has fewer than {@link RejectedLine#KEPT_PER_IMPORT}. */
    void keepRejected(long importId, List<RejectedLine> lines);

    List<RejectedLine> rejectedLines(long importId, int limit);
}
