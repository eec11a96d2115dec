-- Leaders' tools (PRODUCT §16).

-- A nudge decided in a channel in observe mode: recorded for stats and digests ("would have nudged"), never sent.
ALTER TABLE nudges ADD COLUMN observed BIGINT NOT NULL DEFAULT 0;

-- A live digest keeps one message in its target channel (digest_postings.message_ts) and updates it in place.
ALTER TABLE digest_schedules ADD COLUMN live BIGINT NOT NULL DEFAULT 0;

-- What /norms preview replays about top-level messages, without their text (PRODUCT §9): when and by whom, the smallest
-- min-words at which the context rule's classifier finds the message lacking context (null: never), and when the author
-- next spoke in the channel (the follow-up that context-grace waits for). Purged after Storage:RetentionDays.
CREATE TABLE message_facts (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    ts TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    lacks_context_from BIGINT NULL,
    follow_up_at BIGINT NULL,
    PRIMARY KEY (team_id, channel_id, ts)
);

CREATE INDEX ix_message_facts_at ON message_facts (team_id, at);
CREATE INDEX ix_message_facts_waiting ON message_facts (team_id, channel_id, user_id) WHERE follow_up_at IS NULL;

