-- One row per erased user whose star ratings rating models may have learnt from, until complete-erasures has
-- retrained the rating model without them and purged the older versions. It names no user: the point is to forget.
CREATE SEQUENCE erasure_request_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE erasure_request (
    id           BIGINT PRIMARY KEY,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX erasure_request_pending ON erasure_request (completed_at);
