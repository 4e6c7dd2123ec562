-- The retention job finds expired rows by time.
CREATE INDEX impression_created ON impression (created_at);
CREATE INDEX feedback_event_occurred ON feedback_event (occurred_at);
