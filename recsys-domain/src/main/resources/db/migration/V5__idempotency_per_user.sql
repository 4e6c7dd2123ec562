-- An idempotency key names one event of one user: the same key sent for another user is another event, not a
-- duplicate to drop. The plain index keeps lookups by key alone fast (KeyLookups probes it by name).
ALTER TABLE feedback_event DROP CONSTRAINT feedback_event_idempotency_key;
ALTER TABLE feedback_event ADD CONSTRAINT feedback_event_user_idempotency_key UNIQUE (user_id, idempotency_key);
CREATE INDEX feedback_event_idempotency_key ON feedback_event (idempotency_key);
