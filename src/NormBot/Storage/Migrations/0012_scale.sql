-- Reads whose cost follows the open asks or a period's asks, not the history (docs/scale.md has their plans).

-- The Home tab: what waits on a person, and their own asks still open.
CREATE INDEX ix_ask_assignees_user_open ON ask_assignees (team_id, user_id) WHERE open = 1;
CREATE INDEX ix_asks_asker_open ON asks (team_id, asker_id) WHERE state = 'open';

-- Digests and stats, for the workspace or one channel: the asks opened in a period, those opened earlier and still
-- open, and those opened earlier but resolved within it. The first also covers the Home tab's slowest channels
-- and /norms preview's week.
CREATE INDEX ix_asks_opened ON asks (team_id, opened_at, channel_id, first_reply_at);
CREATE INDEX ix_asks_channel_opened ON asks (team_id, channel_id, opened_at);
CREATE INDEX ix_asks_channel_open ON asks (team_id, channel_id, opened_at) WHERE state = 'open';
CREATE INDEX ix_asks_resolved ON asks (team_id, resolved_at);
CREATE INDEX ix_asks_channel_resolved ON asks (team_id, channel_id, resolved_at);
