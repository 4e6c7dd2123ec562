-- At most one ACTIVE model version per kind, held by the database itself rather than by row locks alone (with no
-- active version there is no row to lock, and two members could each activate one). active_kind is the kind while
-- a version is ACTIVE and NULL otherwise; the CHECK keeps it in step with status (IS NOT NULL: a CHECK that comes out NULL passes), and a UNIQUE column admits any
-- number of NULLs on H2 and PostgreSQL alike (neither has partial indexes in common).
UPDATE model_version SET status = 'RETIRED',
       decision = 'retired when the database began to allow one active version per kind: a newer one was active'
 WHERE status = 'ACTIVE' AND EXISTS (
       SELECT 1 FROM model_version newer
        WHERE newer.kind = model_version.kind AND newer.status = 'ACTIVE'
          AND (newer.activated_at > model_version.activated_at
               OR (newer.activated_at = model_version.activated_at AND newer.version > model_version.version)));
ALTER TABLE model_version ADD COLUMN active_kind VARCHAR(20);
UPDATE model_version SET active_kind = kind WHERE status = 'ACTIVE';
ALTER TABLE model_version ADD CONSTRAINT model_version_one_active UNIQUE (active_kind);
ALTER TABLE model_version ADD CONSTRAINT model_version_active_kind_in_step
    CHECK ((status = 'ACTIVE' AND active_kind IS NOT NULL AND active_kind = kind)
           OR (status <> 'ACTIVE' AND active_kind IS NULL));

-- Which member runs a job now, and until when it has promised to say so again (its lease). A member that dies
-- stops renewing; once the lease has run out another member claims the job and starts it anew.
CREATE TABLE job_claim (
    job_name     VARCHAR(64)  PRIMARY KEY,
    member       VARCHAR(200) NOT NULL,
    execution_id BIGINT,
    scope        VARCHAR(20),
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
