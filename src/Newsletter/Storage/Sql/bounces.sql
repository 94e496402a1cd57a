-- Bounce and complaint reports, matched to deliveries and recorded once each.

-- name: delivery-by-id
SELECT id, subscriber_id, issue_id FROM deliveries WHERE id = @id;

-- name: delivery-by-message-id
SELECT id, subscriber_id, issue_id FROM deliveries WHERE message_id = @message_id ORDER BY id DESC LIMIT 1;

-- name: latest-delivery-of-email
-- The recipient's most recent delivery; the subscriber alone (delivery and issue null) when none was made yet.
SELECT d.id, s.id, d.issue_id FROM subscribers s LEFT JOIN deliveries d ON d.subscriber_id = s.id
WHERE s.email = @email ORDER BY d.id DESC LIMIT 1;

-- name: insert
-- Returns the new row's id, or nothing when this report was recorded before.
INSERT INTO bounces (delivery_id, subscriber_id, issue_id, kind, status_code, diagnostic, recipient, matched_by,
                     report_message_id, received_at)
VALUES (@delivery, @subscriber, @issue, @kind, @status_code, @diagnostic, @recipient, @matched_by, @report_message_id, @now)
ON CONFLICT (report_message_id) DO NOTHING
RETURNING id;

-- name: mark-delivery-bounced
-- A hard bounce after the transport accepted the message: the ledger says bounced, with the reason.
UPDATE deliveries SET status = 'bounced', last_error = @error, updated_at = @now WHERE id = @id AND status = 'sent';

-- name: suppress
-- Only a subscriber who could still be mailed changes; an unsubscribed or already suppressed one keeps their status.
UPDATE subscribers SET status = @status, status_changed_at = @now WHERE id = @id AND status IN ('active', 'pending');

-- name: soft-streak
-- Soft bounces in a row: distinct deliveries (a report without one counts alone) that drew a soft bounce after the
-- subscriber's last delivery that went through, i.e. was sent, drew no bounce and is older than the newest
-- soft-bounced one (a newer delivery may still bounce). A hard bounce or complaint ends any streak anyway.
SELECT count(DISTINCT COALESCE(b.delivery_id, -b.id)) FROM bounces b
WHERE b.subscriber_id = @subscriber AND b.kind = 'soft'
  AND COALESCE(b.delivery_id, 9223372036854775807) > COALESCE((
        SELECT max(d.id) FROM deliveries d
        WHERE d.subscriber_id = @subscriber AND d.status = 'sent'
          AND NOT EXISTS (SELECT 1 FROM bounces x WHERE x.delivery_id = d.id)
          AND d.id < (SELECT COALESCE(max(y.delivery_id), 0) FROM bounces y WHERE y.subscriber_id = @subscriber AND y.kind = 'soft')
      ), 0);

-- name: counts-by-issue
SELECT kind, count(*) FROM bounces WHERE issue_id = @issue GROUP BY kind;

-- name: of-subscriber
SELECT b.kind, b.status_code, b.diagnostic, b.recipient, i.slug, b.received_at
FROM bounces b LEFT JOIN issues i ON i.id = b.issue_id
WHERE b.subscriber_id = @id ORDER BY b.id;

-- name: people-by-issue
-- For reports: people, not reports. A soft bounce retried three times, or two complaints from one reader, count once.
SELECT kind, count(DISTINCT subscriber_id) FROM bounces WHERE issue_id = @issue AND subscriber_id IS NOT NULL GROUP BY kind;
