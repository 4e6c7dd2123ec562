-- An idempotency key is scoped to the API key that sent it (and the user): two partners may use the same key for the
-- same user without one's event being taken for a retry of the other's. '' is the owner of imported events and of
-- events stored before this migration; FeedbackService counts an API event with owner '' as the caller's, so a retry
-- sent across the upgrade is still recognised.
ALTER TABLE feedback_event ADD COLUMN key_owner VARCHAR(32) DEFAULT '' NOT NULL;
ALTER TABLE feedback_event DROP CONSTRAINT feedback_event_user_idempotency_key;
ALTER TABLE feedback_event ADD CONSTRAINT feedback_event_owner_user_idempotency_key
    UNIQUE (key_owner, user_id, idempotency_key);
