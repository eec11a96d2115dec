-- Leases (PRODUCT §15): a process claims a stored envelope or an outgoing message (lease_owner until lease_until)
-- before it handles or sends it, so replicas act on each once and a dead process's claims are taken over when they
-- expire.
-- Retries and dead letters (§12): a transient failure sets not_before (backoff); after the last attempt dead_at is
-- set, and the row waits for `normbot inbox replay` (retention never deletes it: processed_at stays NULL).
ALTER TABLE slack_inbox ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE slack_inbox ADD COLUMN lease_until BIGINT NULL;
ALTER TABLE slack_inbox ADD COLUMN not_before BIGINT NOT NULL DEFAULT 0;
ALTER TABLE slack_inbox ADD COLUMN dead_at BIGINT NULL;

CREATE INDEX ix_slack_inbox_dead ON slack_inbox (received_at) WHERE dead_at IS NOT NULL;

ALTER TABLE slack_outbox ADD COLUMN lease_owner TEXT NULL;
ALTER TABLE slack_outbox ADD COLUMN lease_until BIGINT NULL;
