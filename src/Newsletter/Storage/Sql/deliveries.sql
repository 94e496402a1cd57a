-- The send ledger: one row per issue and subscriber, moving pending -> sending -> sent | failed | bounced | suppressed.

-- name: enqueue-active
-- Adds a pending delivery for every active subscriber that has none for this issue yet.
INSERT OR IGNORE INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at)
SELECT $issue, id, 'pending', $slug || '.' || id || '@' || $domain, $now
FROM subscribers WHERE status = 'active';

-- name: enqueue-segment
-- Like enqueue-active, for the active subscribers an audience segment selects. Audience/Segments compiles the
-- condition that replaces the placeholder from the segment's grammar; every value in it is a bound parameter.
INSERT OR IGNORE INTO deliveries (issue_id, subscriber_id, status, message_id, updated_at)
SELECT $issue, s.id, 'pending', $slug || '.' || s.id || '@' || $domain, $now
FROM subscribers s WHERE s.status = 'active' AND (/*segment*/);

-- name: recover-in-flight
-- Deliveries a crashed run had handed to the transport: they may or may not have gone out.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, updated_at = $now
WHERE issue_id = $issue AND status = 'sending' AND claimed_by <> $run
RETURNING id;

-- name: claim-batch
UPDATE deliveries SET status = 'sending', claimed_by = $run, attempts = attempts + 1, updated_at = $now
WHERE id IN (SELECT id FROM deliveries WHERE issue_id = $issue AND status = 'pending' ORDER BY id LIMIT $limit)
RETURNING id;

-- name: claimed
SELECT d.id, d.message_id, s.id, s.email, s.name, s.fields, s.status
FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
WHERE d.issue_id = $issue AND d.claimed_by = $run AND d.status = 'sending'
ORDER BY d.id;

-- name: finish
UPDATE deliveries SET status = $status, last_error = $error, updated_at = $now,
    sent_at = CASE WHEN $status = 'sent' THEN $now ELSE sent_at END
WHERE id = $id;

-- name: counts
SELECT status, count(*) FROM deliveries WHERE issue_id = $issue GROUP BY status;

-- name: count-pending
SELECT count(*) FROM deliveries WHERE issue_id = $issue AND status = 'pending';

-- name: take-lease
INSERT INTO send_leases (issue_id, holder, expires_at) VALUES ($issue, $run, $expires)
ON CONFLICT (issue_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE send_leases.expires_at < $now OR send_leases.holder = excluded.holder
RETURNING holder;

-- name: release-lease
DELETE FROM send_leases WHERE issue_id = $issue AND holder = $run;

-- name: release-claimed
-- Claimed deliveries a stopped run did not get to go back to the queue.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, updated_at = $now
WHERE issue_id = $issue AND claimed_by = $run AND status = 'sending';

-- name: retry-deferred
-- Deliveries the transport deferred (4xx, connection failures) are tried again by the next run.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, updated_at = $now
WHERE issue_id = $issue AND status = 'failed';
