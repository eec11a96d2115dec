-- People's time (PRODUCT §14): personal hours, away time, holidays, the expectation line and escalation chains.

-- /norms my-hours: a person's own hours; null days or time zone follow the channel's days and their Slack zone.
CREATE TABLE personal_hours (
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    hours TEXT NOT NULL,
    days TEXT NULL,
    time_zone TEXT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- Hours read from a person's Slack notification schedule (dnd.info) for "hours slack"; hours null = nothing usable.
CREATE TABLE slack_work_hours (
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    hours TEXT NULL,
    fetched_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- Away time, said with /norms away (source 'self') or read from a Slack status (source 'status', status_key says
-- which status, so a status someone ended with /norms back is not taken up again). Kept after it ends: digests
-- count reply times in working time. until_at null = until it changes.
CREATE TABLE away_spans (
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    source TEXT NOT NULL,
    from_at BIGINT NOT NULL,
    until_at BIGINT NULL,
    note TEXT NULL,
    status_key TEXT NULL,
    PRIMARY KEY (team_id, user_id, source, from_at)
);

-- Holidays: whole local days, for the workspace (scope '*') or one channel. Days are YYYY-MM-DD text.
CREATE TABLE holidays (
    team_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    name TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, scope, first_day)
);

-- When an asker was last told when to expect a reply from an assignee: at most once a day per pair.
CREATE TABLE expectation_notes (
    team_id TEXT NOT NULL,
    asker_id TEXT NOT NULL,
    assignee_id TEXT NOT NULL,
    noted_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, asker_id, assignee_id)
);

-- Each level of an ask's escalation chain as it happened, for the asker's App Home.
CREATE TABLE ask_escalations (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    level BIGINT NOT NULL,
    target TEXT NOT NULL,
    outcome TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (team_id, channel_id, ts, level)
);

-- How many levels of the chain have fired. ask_assignees.escalate_at is now "when this assignee's wait reaches the
-- next level", and escalated_at is set once the chain is done, so the overdue scan keeps its index.
ALTER TABLE asks ADD COLUMN escalation_level BIGINT NOT NULL DEFAULT 0;

UPDATE asks SET escalation_level = 1
WHERE EXISTS (SELECT 1 FROM ask_assignees a
              WHERE a.team_id = asks.team_id AND a.channel_id = asks.channel_id AND a.ts = asks.ts AND a.escalated_at IS NOT NULL);

-- A reminder waiting for the assignee's working time (hours, holidays, away). Apart from snoozed_until (the
-- Snooze button) so that a change of someone's time can let held reminders go without touching their snoozes.
ALTER TABLE ask_assignees ADD COLUMN held_until BIGINT NULL;

-- The Slack status, read with the rest of the profile (users.info, user_change): it says who is away.
ALTER TABLE user_profiles ADD COLUMN status_text TEXT NULL;
ALTER TABLE user_profiles ADD COLUMN status_emoji TEXT NULL;
ALTER TABLE user_profiles ADD COLUMN status_expiration BIGINT NULL;
