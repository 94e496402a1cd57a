-- The send ledger: one row per issue and subscriber, moving pending -> sending -> sent | soft-failed | failed | bounced | suppressed.

-- name: enqueue-active
-- Adds a pending delivery for every active subscriber that has none for this issue yet.
INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at)
SELECT @issue, id, 'pending', @slug || '.' || id || '@' || @domain, @now
FROM subscribers WHERE status = 'active'
ON CONFLICT (issue_id, subscriber_id) DO NOTHING;

-- name: count-in-flight
-- Deliveries a stopped run had handed to the transport without recording the answer: they may have gone out.
SELECT count(*) FROM deliveries
WHERE issue_id = @issue AND status = 'sending' AND claimed_by <> @run AND handed_at IS NOT NULL;

-- name: enqueue-segment
-- Like enqueue-active, for the active subscribers an audience segment selects. Audience/Segments compiles the
-- condition that replaces the placeholder from the segment's grammar; every value in it is a bound parameter.
INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at)
SELECT @issue, s.id, 'pending', @slug || '.' || s.id || '@' || @domain, @now
FROM subscribers s WHERE s.status = 'active' AND (/*segment*/)
ON CONFLICT (issue_id, subscriber_id) DO NOTHING;

-- name: recover-in-flight
-- Everything a stopped run had claimed goes back to the queue; the in-flight ones are noted as possible duplicates.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, updated_at = @now,
    last_error = CASE WHEN handed_at IS NOT NULL THEN 'in flight when an earlier run stopped; may arrive twice' ELSE last_error END,
    recovered = recovered + CASE WHEN handed_at IS NOT NULL THEN 1 ELSE 0 END,
    handed_at = NULL
WHERE issue_id = @issue AND status = 'sending' AND claimed_by <> @run;

-- name: retry-due
-- Soft-failed deliveries whose backoff has passed are queued again.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, updated_at = @now
WHERE issue_id = @issue AND status = 'soft-failed' AND retry_at <= @now;

-- name: claim-batch
-- Claimed is not yet handed: a crash before the hand-over leaves these safe to send again.
UPDATE deliveries SET status = 'sending', claimed_by = @run, updated_at = @now
WHERE id IN (SELECT id FROM deliveries WHERE issue_id = @issue AND status = 'pending' ORDER BY id LIMIT @limit);

-- name: claimed
SELECT d.id, d.message_id, s.id, s.email, s.name, s.fields, s.status, d.attempts, d.first_failed_at, s.first_name, s.last_name
FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.issue_id = @issue AND d.claimed_by = @run AND d.status = 'sending' AND d.handed_at IS NULL
ORDER BY d.id;

-- name: hand
-- Written just before the transport call: from here on the message may go out even if nothing else is recorded.
UPDATE deliveries SET handed_at = @now, attempts = attempts + 1, updated_at = @now WHERE id = @id;

-- name: finish
UPDATE deliveries SET status = @status, last_error = @error, updated_at = @now, handed_at = NULL, retry_at = @retry_at,
    sent_at = CASE WHEN @status = 'sent' THEN @now ELSE sent_at END,
    first_failed_at = CASE WHEN @status = 'soft-failed' THEN COALESCE(first_failed_at, @now) ELSE first_failed_at END
WHERE id = @id;

-- name: counts
SELECT status, count(*) FROM deliveries WHERE issue_id = @issue GROUP BY status;

-- name: recovered-total
-- Possible duplicates so far: deliveries sent again after being in flight at a crash.
SELECT COALESCE(sum(recovered), 0) FROM deliveries WHERE issue_id = @issue;

-- name: next-retry
SELECT min(retry_at) FROM deliveries WHERE issue_id = @issue AND status = 'soft-failed';

-- name: sent-since
-- Messages accepted since @since, across issues, for the hourly rate limit.
SELECT count(*) FROM deliveries WHERE sent_at >= @since;

-- name: take-lease
-- A lease is taken when free, expired, already ours, or held by a run this machine knows has died (@dead).
INSERT INTO send_leases (issue_id, holder, expires_at) VALUES (@issue, @run, @expires)
ON CONFLICT (issue_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE send_leases.expires_at < @now OR send_leases.holder = excluded.holder OR send_leases.holder = @dead
RETURNING holder;

-- name: lease-holder
SELECT holder, expires_at FROM send_leases WHERE issue_id = @issue;

-- name: release-lease
DELETE FROM send_leases WHERE issue_id = @issue AND holder = @run;

-- name: release-claimed
-- Claimed deliveries a stopped run did not hand over go back to the queue.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, updated_at = @now
WHERE issue_id = @issue AND claimed_by = @run AND status = 'sending' AND handed_at IS NULL;

-- name: count-handed
-- Deliveries handed to the transport whose answer is not recorded yet: sending now, or in flight at a crash.
SELECT count(*) FROM deliveries WHERE issue_id = @issue AND status = 'sending' AND handed_at IS NOT NULL;

-- name: failure-reasons
-- The last reply or error of every delivery that did not go out, for grouping by reason.
SELECT status, last_error FROM deliveries
WHERE issue_id = @issue AND status IN ('soft-failed', 'failed', 'bounced') AND last_error IS NOT NULL;

-- name: enqueue-one
-- One subscriber's delivery (a welcome), if they are active and have none for this issue yet.
INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at)
SELECT @issue, id, 'pending', @slug || '.' || id || '@' || @domain, @now
FROM subscribers WHERE id = @subscriber AND status = 'active'
ON CONFLICT (issue_id, subscriber_id) DO NOTHING;

-- name: enqueue-added-after
-- The active subscribers created after @after (the highest id before an import), each without a delivery yet.
INSERT INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at)
SELECT @issue, id, 'pending', @slug || '.' || id || '@' || @domain, @now
FROM subscribers WHERE id > @after AND status = 'active'
ON CONFLICT (issue_id, subscriber_id) DO NOTHING;

-- name: count-waiting
-- Deliveries a run would send or retry: pending, soft-failed, or left claimed by a stopped run.
SELECT count(*) FROM deliveries WHERE issue_id = @issue AND status IN ('pending', 'soft-failed', 'sending');

-- Statements of a send shared by several workers (a PostgreSQL store; see Delivery/SendLedger). Each worker holds
-- its own lease row in send_workers; deliveries claimed by a holder without a row are orphans of a dead worker.

-- name: join-send
INSERT INTO send_workers (issue_id, holder, expires_at) VALUES (@issue, @run, @expires)
ON CONFLICT (issue_id, holder) DO UPDATE SET expires_at = excluded.expires_at;

-- name: workers
SELECT holder, expires_at FROM send_workers WHERE issue_id = @issue;

-- name: drop-worker
DELETE FROM send_workers WHERE issue_id = @issue AND holder = @holder;

-- name: count-orphaned-in-flight
SELECT count(*) FROM deliveries d
WHERE d.issue_id = @issue AND d.status = 'sending' AND d.handed_at IS NOT NULL AND d.claimed_by <> @run
  AND NOT EXISTS (SELECT 1 FROM send_workers w WHERE w.issue_id = d.issue_id AND w.holder = d.claimed_by);

-- name: recover-orphaned
-- A dead worker's claims go back to the queue; the ones it had handed over are noted as possible duplicates.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, updated_at = @now,
    last_error = CASE WHEN handed_at IS NOT NULL THEN 'in flight when an earlier run stopped; may arrive twice' ELSE last_error END,
    recovered = recovered + CASE WHEN handed_at IS NOT NULL THEN 1 ELSE 0 END,
    handed_at = NULL
WHERE issue_id = @issue AND status = 'sending' AND claimed_by <> @run
  AND NOT EXISTS (SELECT 1 FROM send_workers w WHERE w.issue_id = deliveries.issue_id AND w.holder = deliveries.claimed_by);

-- name: budget-used
-- The hourly budget spent across every worker: accepted within the hour, plus claimed by a live worker right now
-- (each claim will be sent within its lease), so that N workers together stay within the limit.
SELECT (SELECT count(*) FROM deliveries WHERE sent_at >= @since)
     + (SELECT count(*) FROM send_workers w JOIN deliveries d ON d.issue_id = w.issue_id AND d.status = 'sending' AND d.claimed_by = w.holder);

-- name: live-workers
-- Workers sending any issue now, for sharing the per-second rate.
SELECT count(DISTINCT holder) FROM send_workers WHERE expires_at >= @now;
