package org.recsys.application;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsys.domain.model.dataimport.DatasetFiles;
import org.recsys.domain.model.dataimport.DatasetImport;
import org.recsys.domain.model.dataimport.DatasetImportRepository;
import org.recsys.domain.model.dataimport.ImportFormat;
import org.recsys.domain.model.dataimport.RejectedLine;

/**
 * Starts dataset imports as Jakarta Batch jobs and reports on them. The request row is committed before the job
 * starts, because every chunk of the job adds its counts to it.
 */
@ApplicationScoped
public class DatasetImportService {

    /** Names of the job parameters every import job reads. */
    public static final String IMPORT_ID = "importId";
    public static final String PATH = "path";

    static final int REJECTED_LINES_SHOWN = 20;

    @Inject
    DatasetImportRepository imports;
    @Inject
    Transactions transactions;

    /**
     * Folders that imports may read. Imports echo rejected lines back, so an unrestricted path would let an API
     * client read any file the server can.
     */
    @Inject
    @ConfigProperty(name = "recsys.import.roots")
    Optional<List<String>> roots;

    Clock clock = Clock.systemUTC();

    /** Checks the path, records the request and starts its job. */
    public DatasetImport start(String formatId, String path) {
        ImportFormat format = ImportFormat.byId(formatId).orElseThrow(() -> new InvalidInputException("format",
                "must be one of " + ImportFormat.allIds()));
        Path source = checkReadable(path, allowedRoots());
        DatasetFiles.problemWith(format, source).ifPresent(problem -> {
            throw new InvalidInputException("path", problem);
        });
        DatasetImport request = transactions.inNewTransaction(() -> {
            DatasetImport created = new DatasetImport(format, source.toString(), clock.instant());
            imports.store(created);
            return created;
        });
        Properties parameters = new Properties();
        parameters.setProperty(IMPORT_ID, request.id().toString());
        parameters.setProperty(PATH, source.toString());
        long executionId = jobOperator().start(format.jobName(), parameters);
        return transactions.inNewTransaction(() -> {
            DatasetImport stored = imports.find(request.id()).orElseThrow();
            stored.startedAs(executionId);
            return stored;
        });
    }

    @Transactional
    public ImportStatus status(long id) {
        DatasetImport request = imports.find(id).orElseThrow(() -> new UnknownEntityException("import", id));
        List<RejectedLine> rejected = imports.rejectedLines(id, REJECTED_LINES_SHOWN);
        if (request.jobExecutionId() == null) {
            return new ImportStatus(request, null, "STARTING", null, null, null, rejected);
        }
        try {
            // The newest execution of the job instance: a stopped import may have been restarted since.
            JobOperator operator = jobOperator();
            JobExecution execution = operator.getJobExecutions(operator.getJobInstance(request.jobExecutionId()))
                    .stream().max(java.util.Comparator.comparingLong(JobExecution::getExecutionId))
                    .orElseThrow(() -> new NoSuchJobExecutionException("no executions"));
            return new ImportStatus(request, execution.getExecutionId(), execution.getBatchStatus().name(),
                    execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
                    execution.getEndTime() == null ? null : execution.getEndTime().toInstant(),
                    execution.getExitStatus(), rejected);
        } catch (NoSuchJobExecutionException e) {
            return new ImportStatus(request, request.jobExecutionId(), "UNKNOWN", null, null,
                    "job execution no longer recorded", rejected);
        }
    }

    List<Path> allowedRoots() {
        return roots.orElse(List.of()).stream().filter(r -> !r.isBlank())
                .map(r -> Path.of(r.strip()).toAbsolutePath().normalize()).toList();
    }

    private static Path checkReadable(String path, List<Path> allowedRoots) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("path", "is required: a file or folder on the server");
        }
        Path source;
        try {
            source = Path.of(path).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException("path", "is not a valid path: " + e.getReason());
        }
        if (!Files.exists(source)) {
            throw new InvalidInputException("path", "no file or folder '" + source + "' on the server");
        }
        if (!Files.isReadable(source)) {
            throw new InvalidInputException("path", "'" + source + "' is not readable by the server");
        }
        Path real;
        try {
            real = source.toRealPath();
        } catch (java.io.IOException e) {
            throw new InvalidInputException("path", "'" + source + "' cannot be resolved: " + e.getMessage());
        }
        boolean allowed = allowedRoots.stream().anyMatch(root -> {
            try {
                return Files.isDirectory(root) && real.startsWith(root.toRealPath());
            } catch (java.io.IOException e) {
                return false;
            }
        });
        if (!allowed) {
            throw new InvalidInputException("path", "'" + source + "' is outside the folders imports may read "
                    + allowedRoots + " (configuration recsys.import.roots)");
        }
        return real;
    }

    private static JobOperator jobOperator() {
        return BatchRuntime.getJobOperator();
    }
}
