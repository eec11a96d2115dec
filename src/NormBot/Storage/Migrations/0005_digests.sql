-- Instants are Unix milliseconds in BIGINT: SQLite reads it as INTEGER, and PostgreSQL's INTEGER is 32-bit, too small for ms.

-- Digest schedules as leaders set them, one per target channel. The trigger itself lives in Quartz's store
-- (QRTZ_*); this row is what /norms show lists and where the last posting is remembered, so the next digest
-- covers exactly the time since the previous one.
CREATE TABLE digest_schedules (
    team_id TEXT NOT NULL,
    target_channel_id TEXT NOT NULL,
    frequency TEXT NOT NULL,
    cron_expression TEXT NOT NULL,
    description TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    channels TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (team_id, target_channel_id)
);

-- When a digest was last posted to a target (scheduled or "now"), kept apart from the schedule so that
-- turning a schedule off and on again still starts from the last digest.
CREATE TABLE digest_postings (
    team_id TEXT NOT NULL,
    target_channel_id TEXT NOT NULL,
    posted_at BIGINT NOT NULL,
    period_end BIGINT NOT NULL,
    message_ts TEXT NULL,
    PRIMARY KEY (team_id, target_channel_id)
);
