-- Asks: a message that mentions people or is a question. Only metadata and a short excerpt are kept.
CREATE TABLE asks (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    thread_ts TEXT NULL,
    asker_id TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    state TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    first_reply_at BIGINT NULL,
    resolved_at BIGINT NULL,
    resolved_by TEXT NULL,
    PRIMARY KEY (team_id, channel_id, ts)
);

CREATE INDEX ix_asks_state ON asks (team_id, state, opened_at);

-- Who an ask waits on, with their own due time (their working hours and time zone).
-- user_id '*' stands for "anyone in the channel" when nobody was mentioned.
CREATE TABLE ask_assignees (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    user_id TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    escalate_at BIGINT NOT NULL,
    reminded_at BIGINT NULL,
    escalated_at BIGINT NULL,
    snoozed_until BIGINT NULL,
    declined BIGINT NOT NULL DEFAULT 0,
    open BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (team_id, channel_id, ts, user_id)
);

-- The overdue scan reads only these two indexes: its cost follows open asks, not history.
CREATE INDEX ix_ask_assignees_due ON ask_assignees (due_at) WHERE open = 1 AND reminded_at IS NULL;
CREATE INDEX ix_ask_assignees_escalate ON ask_assignees (escalate_at) WHERE open = 1 AND escalated_at IS NULL;

-- Every nudge sent (for nudge-limit, digests and "Not urgent" learning).
CREATE TABLE nudges (
    team_id TEXT NOT NULL,
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    message_ts TEXT NOT NULL,
    at BIGINT NOT NULL,
    outcome TEXT NULL,
    detail TEXT NULL,
    PRIMARY KEY (team_id, id)
);

CREATE INDEX ix_nudges_user_at ON nudges (team_id, user_id, at);
CREATE INDEX ix_nudges_channel_at ON nudges (team_id, channel_id, at);

-- Missing-context nudges waiting out context-grace for the author's follow-up.
CREATE TABLE pending_context (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    thread_ts TEXT NULL,
    user_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, channel_id, ts)
);

CREATE INDEX ix_pending_context_due ON pending_context (due_at);

-- Decisions recorded ("Decision: ..." or :pushpin:), for digests.
CREATE TABLE decisions (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    excerpt TEXT NOT NULL,
    PRIMARY KEY (team_id, channel_id, ts)
);

CREATE INDEX ix_decisions_at ON decisions (team_id, at);

-- users.info answers, briefly cached: time zone for working hours, admin/owner for permissions.
CREATE TABLE user_profiles (
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    tz TEXT NULL,
    is_admin BIGINT NOT NULL,
    is_owner BIGINT NOT NULL,
    is_bot BIGINT NOT NULL,
    fetched_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
