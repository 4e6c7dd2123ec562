package org.recsys.application;

import java.time.Instant;
import java.util.List;
import org.recsys.domain.model.dataimport.DatasetImport;
import org.recsys.domain.model.dataimport.RejectedLine;

/**
 * An import as operations see it: the request, the batch job's state and times, the counts and the first rejected
 * lines.
 */
public record ImportStatus(DatasetImport request, Long jobExecutionId, String state, Instant startedAt,
                           Instant endedAt, String exitStatus, List<RejectedLine> rejectedLines) {

    public boolean finished() {
        return endedAt != null;
    }
}
