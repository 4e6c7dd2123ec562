-- A member that was away (paused, cut off, or the one that announced a change crashed) reads the items changed or
-- embedded since it may have missed messages: by time, so these two columns are indexed.
CREATE INDEX item_updated_at ON item (updated_at);
CREATE INDEX item_vector_updated_at ON item_vector (updated_at);
