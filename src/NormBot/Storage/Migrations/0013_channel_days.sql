-- Figures kept as the work happens, so digests, stats and the Home tab read the period's sums, not its history
-- (docs/scale.md). Day starts are UTC midnights in Unix ms.

-- An ask's outcome as the reports count it, settled when it is first answered or closed unanswered (AskOutcomes): when
-- it was answered, its due time and reply time in its assignee's working time as they stood then, and whether the
-- answer came within the response time. NULL while open and unanswered, and for rows written before this migration:
-- the reports work those out as they always did.
ALTER TABLE asks ADD COLUMN answered_at BIGINT NULL;
ALTER TABLE asks ADD COLUMN due_work_at BIGINT NULL;
ALTER TABLE asks ADD COLUMN reply_work_ms BIGINT NULL;
ALTER TABLE asks ADD COLUMN answered_within BIGINT NULL;

-- Per channel and UTC day, by the day an ask was opened (or a decision recorded): what sums. Kept in the transaction
-- of the write that changes it (ChannelDays); retention rebuilds the days it cut into.
CREATE TABLE channel_days (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    day BIGINT NOT NULL,
    asks BIGINT NOT NULL,
    deleted BIGINT NOT NULL,
    opened_sum BIGINT NOT NULL,
    replied BIGINT NOT NULL,
    replied_sum BIGINT NOT NULL,
    decisions BIGINT NOT NULL,
    PRIMARY KEY (team_id, channel_id, day)
);

CREATE INDEX ix_channel_days_day ON channel_days (team_id, day);

-- Nudges per channel, UTC day and rule: sent, and decided in observe mode.
CREATE TABLE channel_day_nudges (
    team_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    day BIGINT NOT NULL,
    rule TEXT NOT NULL,
    sent BIGINT NOT NULL,
    observed BIGINT NOT NULL,
    PRIMARY KEY (team_id, channel_id, day, rule)
);

CREATE INDEX ix_channel_day_nudges_day ON channel_day_nudges (team_id, day);

-- The days of what is already recorded (the same sums ChannelDays.Rebuild works out).
INSERT INTO channel_days (team_id, channel_id, day, asks, deleted, opened_sum, replied, replied_sum, decisions)
SELECT team_id, channel_id, opened_at - opened_at % 86400000 AS day, COUNT(*), SUM(CASE WHEN state = 'deleted' THEN 1 ELSE 0 END),
       SUM(opened_at), COUNT(first_reply_at), COALESCE(SUM(first_reply_at), 0), 0
FROM asks WHERE opened_at >= 0
GROUP BY team_id, channel_id, opened_at - opened_at % 86400000;

INSERT INTO channel_days (team_id, channel_id, day, asks, deleted, opened_sum, replied, replied_sum, decisions)
SELECT team_id, channel_id, at - at % 86400000 AS day, 0, 0, 0, 0, 0, COUNT(*)
FROM decisions WHERE at >= 0
GROUP BY team_id, channel_id, at - at % 86400000
ON CONFLICT (team_id, channel_id, day) DO UPDATE SET decisions = excluded.decisions;

INSERT INTO channel_day_nudges (team_id, channel_id, day, rule, sent, observed)
SELECT team_id, channel_id, at - at % 86400000 AS day, rule, SUM(1 - observed), SUM(observed)
FROM nudges WHERE at >= 0
GROUP BY team_id, channel_id, at - at % 86400000, rule;

-- Settled asks of a period, for the workspace or one channel: counts and reply times read from the index alone.
CREATE INDEX ix_asks_settled ON asks (team_id, opened_at, answered_at, due_work_at, answered_within, reply_work_ms, state) WHERE due_work_at IS NOT NULL;
CREATE INDEX ix_asks_channel_settled ON asks (team_id, channel_id, opened_at, answered_at, due_work_at, answered_within, reply_work_ms, state) WHERE due_work_at IS NOT NULL;

-- The asks reports still work out one by one: open and unanswered, or recorded before this migration. due_work_at
-- leads the range (always NULL here) so that SQLite's planner prefers these to ix_asks_opened's wider range.
CREATE INDEX ix_asks_unsettled ON asks (team_id, due_work_at, opened_at) WHERE due_work_at IS NULL AND state <> 'deleted';
CREATE INDEX ix_asks_channel_unsettled ON asks (team_id, channel_id, due_work_at, opened_at) WHERE due_work_at IS NULL AND state <> 'deleted';

-- The asks of a period's partial days, summed from the index alone (0012's ix_asks_opened with the state).
DROP INDEX ix_asks_opened;
CREATE INDEX ix_asks_opened ON asks (team_id, opened_at, channel_id, first_reply_at, state);

-- The nudges of a period's partial days.
CREATE INDEX ix_nudges_at ON nudges (team_id, at);

-- "Still open" at a period's start: the asks opened before it and resolved since, counted from the index alone.
DROP INDEX ix_asks_resolved;
DROP INDEX ix_asks_channel_resolved;
CREATE INDEX ix_asks_resolved ON asks (team_id, resolved_at, opened_at, state);
CREATE INDEX ix_asks_channel_resolved ON asks (team_id, channel_id, resolved_at, opened_at, state);
