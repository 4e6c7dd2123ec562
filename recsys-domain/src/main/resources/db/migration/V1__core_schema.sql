-- Core schema. Portable SQL: runs unchanged on H2 2.x and PostgreSQL 13+.

CREATE TABLE app_user (
    id              VARCHAR(128) PRIMARY KEY,
    attributes      VARCHAR,
    preference_text VARCHAR,
    source          VARCHAR(40)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE item (
    id          VARCHAR(128) PRIMARY KEY,
    title       VARCHAR(500) NOT NULL,
    description VARCHAR,
    categories  VARCHAR,
    attributes  VARCHAR,
    source      VARCHAR(40)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Ids come from memory in blocks of 500 (the entity's allocationSize must match).
CREATE SEQUENCE feedback_event_seq START WITH 1 INCREMENT BY 500;

CREATE TABLE feedback_event (
    id                BIGINT PRIMARY KEY,
    user_id           VARCHAR(128) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    item_id           VARCHAR(128) NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    feedback_type     VARCHAR(20)  NOT NULL,
    event_value       DOUBLE PRECISION,
    event_text        VARCHAR,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recommendation_id VARCHAR(64),
    idempotency_key   VARCHAR(200),
    source            VARCHAR(40)  NOT NULL,
    CONSTRAINT feedback_event_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX feedback_event_user_time ON feedback_event (user_id, occurred_at DESC, id DESC);
CREATE INDEX feedback_event_item ON feedback_event (item_id);
CREATE INDEX feedback_event_recommendation ON feedback_event (recommendation_id);

CREATE TABLE impression (
    recommendation_id VARCHAR(64) PRIMARY KEY,
    user_id           VARCHAR(128) NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    item_ids          VARCHAR,
    strategy          VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX impression_user ON impression (user_id);

CREATE SEQUENCE dataset_import_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE dataset_import (
    id               BIGINT PRIMARY KEY,
    format           VARCHAR(40)  NOT NULL,
    path             VARCHAR(2000) NOT NULL,
    job_execution_id BIGINT,
    rows_read        BIGINT NOT NULL DEFAULT 0,
    rows_stored      BIGINT NOT NULL DEFAULT 0,
    rows_rejected    BIGINT NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE import_rejection_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE import_rejection (
    id          BIGINT PRIMARY KEY,
    import_id   BIGINT NOT NULL REFERENCES dataset_import (id) ON DELETE CASCADE,
    file_name   VARCHAR(500) NOT NULL,
    line_number BIGINT NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    content     VARCHAR
);
CREATE INDEX import_rejection_import ON import_rejection (import_id, id);
