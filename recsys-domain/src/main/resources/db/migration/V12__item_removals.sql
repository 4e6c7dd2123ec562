-- Item removals by time: a member that was away when a removal was announced finds it when it catches up (a deleted
-- row leaves nothing for item.updated_at to show). One row per removal; a member ignores the removals of ids that
-- exist again.
CREATE TABLE item_removal (
    item_id    VARCHAR(128) NOT NULL,
    removed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX item_removal_removed_at ON item_removal (removed_at);
