-- Asks people mean (PRODUCT §13).

-- Deactivated people are never assignees; users.info says so and the directory keeps it with the rest.
ALTER TABLE user_profiles ADD COLUMN deleted BIGINT NOT NULL DEFAULT 0;

-- The user group an assignee was asked through: an ask to @design-team waits on its members, and any member's
-- thread reply answers it, including someone who joined the group after the ask.
ALTER TABLE ask_assignees ADD COLUMN group_id TEXT NULL;

-- Members of user groups (usergroups.users.list), one row per group, ids comma-separated; refreshed after a while
-- and kept current by subteam_members_changed where the app is subscribed.
CREATE TABLE user_groups (
    team_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    members TEXT NOT NULL,
    fetched_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, group_id)
);

-- What a queued post is about (its sender's key, e.g. "overdue:C1:1700000000.000100:U1:…") ...
ALTER TABLE slack_outbox ADD COLUMN receipt TEXT NULL;

-- ... and where it landed once sent, so the bot can edit it later: when an ask is answered, every reminder DM and
-- escalation about it is updated in place. Purged with the rest of the metadata after Storage:RetentionDays.
CREATE TABLE slack_posts (
    team_id TEXT NOT NULL,
    receipt TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    posted_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, receipt)
);
