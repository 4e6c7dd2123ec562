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

    public ImportStatus status(long id) {
        return transactions.inTransaction(() -> statusIfPresent(id))
                .orElseThrow(() -> new UnknownEntityException("import", id));
    }

    private Optional<ImportStatus> statusIfPresent(long id) {
        Optional<DatasetImport> found = imports.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DatasetImport request = found.get();
        List<RejectedLine> rejected = imports.rejectedLines(id, REJECTED_LINES_SHOWN);
        if (request.jobExecutionId() == null) {
            return Optional.of(new ImportStatus(request, null, "STARTING", null, null, null, rejected));
        }
        try {
            // The newest execution of the job instance: a stopped import may have been restarted since.
            JobOperator operator = jobOperator();
            JobExecution execution = operator.getJobExecutions(operator.getJobInstance(request.jobExecutionId()))
                    .stream().max(java.util.Comparator.comparingLong(JobExecution::getExecutionId))
                    .orElseThrow(() -> new NoSuchJobExecutionException("no executions"));
            return Optional.of(new ImportStatus(request, execution.getExecutionId(), execution.getBatchStatus().name(),
                    execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
                    execution.getEndTime() == null ? null : execution.getEndTime().toInstant(),
                    execution.getExitStatus(), rejected));
        } catch (NoSuchJobExecutionException e) {
            return Optional.of(new ImportStatus(request, request.jobExecutionId(), "UNKNOWN", null, null,
                    "job execution no longer recorded", rejected));
        }
    }

    List<Path> allowedRoots() {
        return roots.orElse(List.of()).stream().filter(r -> !r.isBlank())
                .map(r -> Path.of(r.strip()).toAbsolutePath().normalize()).toList();
    }

    /**
     * The real path of a file or folder inside the import roots. Whether a path is inside is decided before the file
     * system is asked anything, so that a path outside gets one answer whether or not it exists; no answer names
     * the roots or any other server path. A relative path is resolved against the first root, never against the
     * server's working directory.
     */
    private static Path checkReadable(String path, List<Path> allowedRoots) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("path", "is required: a file or folder on the server");
        }
        InvalidInputException outside = new InvalidInputException("path", "'" + path + "' is not inside a folder "
                + "that imports may read (the server's configuration recsys.import.roots)");
        if (allowedRoots.isEmpty()) {
            throw outside;
        }
        Path source;
        try {
            Path given = Path.of(path.strip());
            source = (given.isAbsolute() ? given : allowedRoots.get(0).resolve(given)).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException("path", "is not a valid path: " + e.getReason());
        }
        if (allowedRoots.stream().noneMatch(source::startsWith)) {
            throw outside;
        }
        if (!Files.exists(source)) {
            throw new InvalidInputException("path", "no file or folder '" + path + "' on the server");
        }
        Path real;
        try {
            real = source.toRealPath();
        } catch (java.io.IOException e) {
            throw new InvalidInputException("path", "'" + path + "' cannot be resolved on the server");
        }
        // A link inside a root may point outside it: the real path must be inside a root's real path too.
        boolean inside = allowedRoots.stream().anyMatch(root -> {
            try {
                return Files.isDirectory(root) && real.startsWith(root.toRealPath());
            } catch (java.io.IOException e) {
                return false;
            }
        });
        if (!inside) {
            throw outside;
        }
        if (!Files.isReadable(real)) {
            throw new InvalidInputException("path", "'" + path + "' is not readable by the server");
        }
        return real;
    }

    private static JobOperator jobOperator() {
        return BatchRuntime.getJobOperator();
    }
}
