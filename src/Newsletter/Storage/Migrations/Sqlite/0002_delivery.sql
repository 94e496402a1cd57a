-- Version 2: soft-failed deliveries with a retry time, a per-message in-flight marker, and issue schedules, pauses and cancellations.

-- SQLite cannot alter a CHECK constraint, so the ledger is rebuilt with the new state 'soft-failed'
-- (a 4xx or broken connection waiting for retry_at); 'failed' now means retries ran out.
CREATE TABLE deliveries_v2 (
    id              INTEGER PRIMARY KEY,
    issue_id        INTEGER NOT NULL REFERENCES issues (id),
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id),
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'soft-failed', 'failed', 'bounced', 'suppressed')),
    message_id      TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    claimed_by      TEXT,
    last_error      TEXT,
    updated_at      TEXT NOT NULL,
    sent_at         TEXT,
    -- Set just before the message is handed to the transport, cleared with the outcome: a crashed run's rows
    -- with it set are the only ones that may have gone out unrecorded.
    handed_at       TEXT,
    retry_at        TEXT,
    first_failed_at TEXT,
    -- Times this delivery was found in flight after a crash and sent again: each may be one duplicate.
    recovered       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (issue_id, subscriber_id)
);
INSERT INTO deliveries_v2 (id, issue_id, subscriber_id, status, message_id, attempts, claimed_by, last_error, updated_at, sent_at,
                           handed_at, retry_at, first_failed_at)
SELECT id, issue_id, subscriber_id, CASE status WHEN 'failed' THEN 'soft-failed' ELSE status END, message_id, attempts,
       claimed_by, last_error, updated_at, sent_at,
       CASE status WHEN 'sending' THEN updated_at END,
       CASE status WHEN 'failed' THEN updated_at END,
       CASE status WHEN 'failed' THEN updated_at END
FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v2 RENAME TO deliveries;
CREATE INDEX deliveries_issue_status ON deliveries (issue_id, status, id);
-- The hourly rate limit counts what went out in the last hour, across issues.
CREATE INDEX deliveries_sent_at ON deliveries (sent_at) WHERE sent_at IS NOT NULL;

-- An explicit schedule (`newsletter schedule`) wins over the file's send_at; a pause keeps `send --due` away
-- until `send --resume`; a cancelled issue is never sent again.
ALTER TABLE issues ADD COLUMN scheduled_at TEXT;
ALTER TABLE issues ADD COLUMN paused_reason TEXT;
ALTER TABLE issues ADD COLUMN paused_at TEXT;
ALTER TABLE issues ADD COLUMN cancelled_at TEXT;
