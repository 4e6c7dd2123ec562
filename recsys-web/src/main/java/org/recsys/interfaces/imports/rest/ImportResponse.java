package org.recsys.interfaces.imports.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsys.application.ImportStatus;
import org.recsys.domain.model.dataimport.DatasetImport;
import org.recsys.domain.model.dataimport.RejectedLine;

@Schema(name = "Import")
public record ImportResponse(
        long id,
        String format,
        String path,
        @Schema(description = "The job execution doing the import now (its newest, after a restart); stop and "
                + "restart it through /api/v1/jobs/executions/{id}") Long jobExecutionId,
        @Schema(description = "Batch status: STARTING, STARTED, COMPLETED, FAILED, STOPPING, STOPPED, ABANDONED",
                example = "COMPLETED") String state,
        @Schema(description = "Rows read from the files, rejected ones included") long rowsRead,
        @Schema(description = "Rows that created or changed something") long rowsStored,
        @Schema(description = "Valid rows already present; a repeated import is all unchanged") long rowsUnchanged,
        @Schema(description = "Rows that could not be used; the first ones are listed with reasons")
        long rowsRejected,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        String exitStatus,
        List<Rejection> rejectedLines) {

    @Schema(name = "ImportRejection")
    public record Rejection(String file, long line, String reason, String content) {

        static Rejection of(RejectedLine line) {
            return new Rejection(line.fileName(), line.lineNumber(), line.reason(), line.content());
        }
    }

    static ImportResponse of(ImportStatus status) {
        DatasetImport request = status.request();
        return new ImportResponse(request.id(), request.format().id(), request.path(), status.jobExecutionId(),
                status.state(),
                request.rowsRead(), request.rowsStored(), request.rowsUnchanged(), request.rowsRejected(),
                request.createdAt(), status.startedAt(), status.endedAt(), status.exitStatus(),
                status.rejectedLines().stream().map(Rejection::of).toList());
    }
}
