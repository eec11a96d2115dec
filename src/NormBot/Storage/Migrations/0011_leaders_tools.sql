-- Leaders' tools (PRODUCT §16).

-- A nudge decided in a channel in observe mode: recorded for stats and digests ("would have nudged"), never sent.
ALTER TABLE nudges ADD COLUMN observed BIGINT NOT NULL DEFAULT 0;

-- A live digest keeps one message in its target channel (digest_postings.message_ts) and updates it in place.
ALTER TABLE digest_schedules ADD COLUMN live BIGINT NOT NULL DEFAULT 0;
