package org.recsys.domain.model.dataimport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.recsys.domain.model.shared.Timestamps;

/**
 * One import request and its counts. The counts are advanced in the same transaction as the rows each chunk writes,
 * so after a restart from a checkpoint they still match what is in the database.
 */
@Entity
@Table(name = "dataset_import")
public class DatasetImport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dataset_import_seq")
    @SequenceGenerator(name = "dataset_import_seq", sequenceName = "dataset_import_seq", allocationSize = 1)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportFormat format;

    @Column(nullable = false)
    private String path;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "rows_read", nullable = false)
    private long rowsRead;

    @Column(name = "rows_stored", nullable = false)
    private long rowsStored;

    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DatasetImport() {
    }

    public DatasetImport(ImportFormat format, String path, Instant createdAt) {
        this.format = Objects.requireNonNull(format);
        this.path = Objects.requireNonNull(path);
        this.createdAt = Timestamps.stored(Objects.requireNonNull(createdAt));
    }

    public void startedAs(long executionId) {
        this.jobExecutionId = executionId;
    }

    public void count(long read, long stored, long rejected) {
        this.rowsRead += read;
        this.rowsStored += stored;
        this.rowsRejected += rejected;
    }

    public Long id() {
        return id;
    }

    public ImportFormat format() {
        return format;
    }

    public String path() {
        return path;
    }

    public Long jobExecutionId() {
        return jobExecutionId;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsStored() {
        return rowsStored;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /** Rows read that were valid but already present: what makes a repeated import change nothing. */
    public long rowsUnchanged() {
        return rowsRead - rowsStored - rowsRejected;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
