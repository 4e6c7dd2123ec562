-- Model registry, job schedules and job reports. Portable SQL for H2 2.x and PostgreSQL 13+.

-- Every trained model: candidate until promoted, active while serving (one per kind), retired after.
CREATE TABLE model_version (
    version      VARCHAR(64)  PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    trained_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at TIMESTAMP WITH TIME ZONE,
    examples     BIGINT       NOT NULL,
    metrics      VARCHAR(2000),
    provenance   VARCHAR(4000),
    decision     VARCHAR(1000) NOT NULL
);
CREATE INDEX model_version_kind_status ON model_version (kind, status);

-- The serialized model (Tribuo protobuf inside), apart from its metadata so that listing versions reads no blobs.
CREATE TABLE model_artifact (
    version VARCHAR(64) PRIMARY KEY REFERENCES model_version (version) ON DELETE CASCADE,
    payload BYTEA       NOT NULL
);

-- When each job runs by itself; next_run is claimed by one member with a compare-and-set update.
CREATE TABLE job_schedule (
    job_name   VARCHAR(64)  PRIMARY KEY,
    cron       VARCHAR(120) NOT NULL,
    enabled    BOOLEAN      NOT NULL,
    next_run   TIMESTAMP WITH TIME ZONE,
    last_run   TIMESTAMP WITH TIME ZONE,
    last_execution_id BIGINT
);

-- What a job found or measured (data-quality report, evaluation report), as JSON.
CREATE SEQUENCE job_report_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE job_report (
    id               BIGINT PRIMARY KEY,
    job_name         VARCHAR(64) NOT NULL,
    job_execution_id BIGINT      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    body             VARCHAR     NOT NULL
);
CREATE INDEX job_report_job ON job_report (job_name, created_at);

-- Flags left by clean-data on feedback that looks automated (bursts, one text from many users).
ALTER TABLE feedback_event ADD COLUMN flagged VARCHAR(40);
