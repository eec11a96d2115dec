-- Every Slack envelope (event, slash command, block action) is written here before Slack gets its ack.
-- The primary key is the dedupe: Slack retries reuse event_id, so a retry is an INSERT that does nothing.
CREATE TABLE slack_inbox (
    team_id TEXT NOT NULL,
    envelope_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    processed_at BIGINT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT NULL,
    PRIMARY KEY (team_id, envelope_id)
);

CREATE INDEX ix_slack_inbox_pending ON slack_inbox (received_at) WHERE processed_at IS NULL;

-- Effects the bot has already had (a nudge posted, an ask recorded), keyed by business identity so
-- the same message arriving as `message` and `app_mention` (different event ids) acts once.
CREATE TABLE slack_effects (
    team_id TEXT NOT NULL,
    effect_key TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, effect_key)
);

-- Outbound Slack calls that must survive a restart (nudges, DMs, escalations).
CREATE TABLE slack_outbox (
    team_id TEXT NOT NULL,
    id TEXT NOT NULL,
    method TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    not_before BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    sent_at BIGINT NULL,
    last_error TEXT NULL,
    PRIMARY KEY (team_id, id)
);

CREATE INDEX ix_slack_outbox_due ON slack_outbox (not_before) WHERE sent_at IS NULL;
