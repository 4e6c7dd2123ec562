-- Derived state: item vectors and user profiles. Portable SQL for H2 2.x and PostgreSQL 13+.

-- One vector per item for the active encoder; text_hash tells whether the item's text changed since.
CREATE TABLE item_vector (
    item_id    VARCHAR(128) PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    encoder    VARCHAR(120) NOT NULL,
    text_hash  VARCHAR(64)  NOT NULL,
    vector     BYTEA        NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX item_vector_encoder ON item_vector (encoder);

-- A user's profile (vector, interest points, recent and rejected items), updated with every piece of feedback in
-- the feedback's own transaction; version counts the updates.
CREATE TABLE user_profile (
    user_id    VARCHAR(128) PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    version    BIGINT       NOT NULL,
    encoder    VARCHAR(120) NOT NULL,
    state      BYTEA        NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per ranking strategy: lists shown and positive feedback attributed to them (the bandit's evidence).
CREATE TABLE strategy_stats (
    strategy    VARCHAR(64) PRIMARY KEY,
    impressions BIGINT NOT NULL,
    positives   BIGINT NOT NULL
);
