-- Subscriber statements. Full rows read: id, email, name, fields, status, source, created_at, confirmed_at,
-- status_changed_at, tags (space-separated), first_name, last_name.

-- name: insert
INSERT INTO subscribers (email, name, fields, status, source, created_at, confirmed_at, status_changed_at)
VALUES (@email, @name, @fields, @status, @source, @now, CASE WHEN @status = 'active' THEN @now END, @now)
ON CONFLICT (email) DO UPDATE SET
    name = COALESCE(excluded.name, subscribers.name),
    fields = json_patch(subscribers.fields, excluded.fields)
RETURNING id, status;

-- name: upsert-import
-- Imports never bring a suppressed address back: such rows are left alone and return nothing. A file may
-- suppress an address (status unsubscribed, bounced or complained) but never re-activate one. The importer
-- repeats the upsert-import-row tuple once per row of a batch (parameters numbered @email0, @email1, ...).
INSERT INTO subscribers (email, name, first_name, last_name, fields, status, source, created_at, confirmed_at, status_changed_at)
VALUES /*rows*/
ON CONFLICT (email) DO UPDATE SET
    name = COALESCE(excluded.name, subscribers.name),
    first_name = COALESCE(excluded.first_name, subscribers.first_name),
    last_name = COALESCE(excluded.last_name, subscribers.last_name),
    fields = json_patch(subscribers.fields, excluded.fields),
    status = CASE WHEN excluded.status IN ('unsubscribed', 'bounced', 'complained') THEN excluded.status ELSE subscribers.status END,
    status_changed_at = CASE WHEN excluded.status IN ('unsubscribed', 'bounced', 'complained') THEN @now ELSE subscribers.status_changed_at END
WHERE subscribers.status IN ('active', 'pending')
RETURNING id, email;

-- name: upsert-import-row
(@email, @name, @first_name, @last_name, @fields, @status, @source, @now, CASE WHEN @status = 'active' THEN @now END, @now)

-- name: add-tags
INSERT INTO subscriber_tags (tag, subscriber_id) VALUES /*rows*/
ON CONFLICT DO NOTHING;

-- name: add-tags-row
(@tag, @id)

-- name: status-of
SELECT status FROM subscribers WHERE email = @email;

-- name: add-tag
INSERT INTO subscriber_tags (tag, subscriber_id) VALUES (@tag, @id)
ON CONFLICT DO NOTHING;

-- name: max-id
SELECT coalesce(max(id), 0) FROM subscribers;

-- name: by-email
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT group_concat(t.tag, ' ') FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE s.email = @email;

-- name: by-id
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT group_concat(t.tag, ' ') FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE s.id = @id;

-- name: list
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT group_concat(t.tag, ' ') FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s ORDER BY s.id;

-- name: list-by-status
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT group_concat(t.tag, ' ') FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE s.status = @status ORDER BY s.id;

-- name: list-segment
-- The active subscribers a segment selects (Audience/Segments compiles the ids query), full rows in id order.
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT group_concat(t.tag, ' ') FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE s.id IN (/*segment-ids*/) ORDER BY s.id;

-- name: count-segment
-- The ids of the segment's active subscribers are compiled from its expression by Audience/Segments (a merge of
-- index ranges that never reads a subscriber row); every value in the query is bound.
SELECT count(*) FROM (/*segment-ids*/) AS segment;

-- name: set-status
UPDATE subscribers SET status = @status, status_changed_at = @now
WHERE id = @id AND status <> @status;

-- name: confirm
-- Double opt-in: only a pending subscriber becomes active through a confirmation link.
UPDATE subscribers SET status = 'active', confirmed_at = @now, status_changed_at = @now
WHERE id = @id AND status = 'pending';

-- name: insert-pending
INSERT INTO subscribers (email, name, fields, status, source, created_at, status_changed_at)
VALUES (@email, @name, '{}', 'pending', @source, @now, @now)
RETURNING id;

-- name: count-by-status
SELECT status, count(*) FROM subscribers GROUP BY status;

-- name: has-field
-- One seek in the primary key of subscriber_fields, whatever the size of the list.
SELECT count(*) FROM (SELECT 1 FROM subscriber_fields WHERE name = @name LIMIT 1) AS present;

-- name: field-names
SELECT DISTINCT j.key FROM subscribers s, json_each(s.fields) j ORDER BY j.key;

-- name: deliveries-of
-- The status in the words the send summary uses (the ledger stores a deferral as 'soft-failed', giving up as 'failed').
SELECT i.slug, CASE d.status WHEN 'soft-failed' THEN 'deferred' WHEN 'failed' THEN 'gave-up' ELSE d.status END, d.sent_at, d.last_error
FROM deliveries d JOIN issues i ON i.id = d.issue_id
WHERE d.subscriber_id = @id ORDER BY d.id;

-- name: votes-of
SELECT i.slug, v.rating, v.voted_at FROM votes v JOIN issues i ON i.id = v.issue_id
WHERE v.subscriber_id = @id ORDER BY v.voted_at;

-- name: bounces-of
-- Bounces and complaints that came back as mail (kind hard, soft or complaint).
SELECT b.kind, i.slug, b.status_code, b.diagnostic, b.recipient, b.received_at FROM bounces b
LEFT JOIN issues i ON i.id = b.issue_id WHERE b.subscriber_id = @id ORDER BY b.id;

-- name: unsubscribes-of
-- Each time the person left the list: the issue whose link they used (null for none), how, and when.
SELECT i.slug, u.source, u.unsubscribed_at FROM unsubscribes u
LEFT JOIN issues i ON i.id = u.issue_id WHERE u.subscriber_id = @id ORDER BY u.id;

-- name: erasure-salt
SELECT value FROM audience_secrets WHERE name = 'erasure-salt';

-- name: erased-hashes
SELECT email_hash FROM erased_addresses;

-- name: is-erased
SELECT count(*) FROM erased_addresses WHERE email_hash = @hash;

-- name: forget
-- Erasure: the person's rows go; only the salted hash of the address stays, to keep the suppression.
INSERT INTO erased_addresses (email_hash, reason, erased_at) VALUES (@hash, @reason, @now)
ON CONFLICT (email_hash) DO UPDATE SET reason = excluded.reason, erased_at = excluded.erased_at;
DELETE FROM vote_history WHERE subscriber_id = @id;
DELETE FROM votes WHERE subscriber_id = @id;
DELETE FROM bounces WHERE subscriber_id = @id;
DELETE FROM unsubscribes WHERE subscriber_id = @id;
DELETE FROM deliveries WHERE subscriber_id = @id;
DELETE FROM subscribers WHERE id = @id;

-- name: bulk-load-indexes
-- The secondary indexes a bulk import only ever appends to (ids grow): rebuilt in one sorted pass after a large
-- load, they cost less than a million single inserts. The recorded definitions recreate them exactly.
SELECT sql FROM sqlite_schema WHERE type = 'index' AND name IN ('subscribers_status', 'subscriber_tags_subscriber');

-- name: drop-bulk-load-indexes
DROP INDEX subscribers_status;
DROP INDEX subscriber_tags_subscriber;

-- name: bounced-by-sends
-- Subscribers suppressed because a send recorded a hard bounce for them, newest bounce first per subscriber.
SELECT s.id, s.email, i.slug, d.last_error, d.updated_at
FROM subscribers s
JOIN deliveries d ON d.subscriber_id = s.id AND d.status = 'bounced'
JOIN issues i ON i.id = d.issue_id
WHERE s.status = 'bounced' AND d.updated_at >= @since AND (CAST(@issue AS TEXT) IS NULL OR i.slug = @issue)
ORDER BY s.id, d.updated_at DESC;

-- name: unsuppress-bounced
UPDATE subscribers SET status = 'active', status_changed_at = @now WHERE id = @id AND status = 'bounced';

-- name: requeue-bounced
-- The bounced deliveries of a restored subscriber go back to the queue, so the paused or next send reaches them.
UPDATE deliveries SET status = 'pending', claimed_by = NULL, handed_at = NULL, retry_at = NULL, updated_at = @now,
    last_error = 'restored after a bounce: ' || COALESCE(last_error, '')
WHERE subscriber_id = @id AND status = 'bounced';
