-- Version 2 on PostgreSQL: soft-failed deliveries with a retry time, a per-message in-flight marker, and issue
-- schedules, pauses and cancellations. PostgreSQL alters the CHECK constraint in place where SQLite rebuilds the table.
ALTER TABLE deliveries
    ADD COLUMN handed_at text,
    ADD COLUMN retry_at text,
    ADD COLUMN first_failed_at text,
    ADD COLUMN recovered bigint NOT NULL DEFAULT 0,
    DROP CONSTRAINT deliveries_status_check;
UPDATE deliveries SET handed_at = updated_at WHERE status = 'sending';
UPDATE deliveries SET status = 'soft-failed', retry_at = updated_at, first_failed_at = updated_at WHERE status = 'failed';
ALTER TABLE deliveries ADD CONSTRAINT deliveries_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'soft-failed', 'failed', 'bounced', 'suppressed'));
-- The hourly rate limit counts what went out in the last hour, across issues.
CREATE INDEX deliveries_sent_at ON deliveries (sent_at) WHERE sent_at IS NOT NULL;

ALTER TABLE issues
    ADD COLUMN scheduled_at text,
    ADD COLUMN paused_reason text,
    ADD COLUMN paused_at text,
    ADD COLUMN cancelled_at text;
