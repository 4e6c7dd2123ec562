-- cluster-interests looks again only at users with feedback received since its last completed run: one index probe
-- per user instead of a scan of their events.
CREATE INDEX feedback_event_user_received ON feedback_event (user_id, received_at);
