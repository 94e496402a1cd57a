-- Poll vote statements.

-- name: upsert
-- Records the current rating; nothing when the issue or subscriber does not exist (then no row is returned).
-- Returns the stored comment and the subscriber's name and first_name so the thank-you page needs no second read.
INSERT INTO votes (issue_id, subscriber_id, rating, voted_at, changed_at)
SELECT @issue, @subscriber, @rating, @now, @now
WHERE EXISTS (SELECT 1 FROM subscribers WHERE id = @subscriber) AND EXISTS (SELECT 1 FROM issues WHERE id = @issue)
ON CONFLICT (issue_id, subscriber_id) DO UPDATE SET rating = excluded.rating, changed_at = excluded.changed_at
RETURNING comment, (SELECT name FROM subscribers WHERE id = @subscriber), (SELECT first_name FROM subscribers WHERE id = @subscriber);

-- name: history
INSERT INTO vote_history (issue_id, subscriber_id, rating, at) VALUES (@issue, @subscriber, @rating, @now);

-- name: current
SELECT rating, comment FROM votes WHERE issue_id = @issue AND subscriber_id = @subscriber;

-- name: comment
UPDATE votes SET comment = @comment, commented_at = @now WHERE issue_id = @issue AND subscriber_id = @subscriber;

-- name: comments
SELECT v.rating, v.comment, v.commented_at, s.email
FROM votes v JOIN subscribers s ON s.id = v.subscriber_id
WHERE v.issue_id = @issue AND v.comment IS NOT NULL AND v.comment <> ''
ORDER BY v.commented_at, v.subscriber_id;

-- name: tally
SELECT rating, count(*) FROM votes WHERE issue_id = @issue GROUP BY rating;

-- name: delivered
-- Accepted by the transport: sent, or sent and later reported as a bounce (which turns the delivery 'bounced').
SELECT count(*) FROM deliveries d WHERE d.issue_id = @issue
  AND (d.status = 'sent' OR (d.status = 'bounced' AND EXISTS (SELECT 1 FROM bounces b WHERE b.delivery_id = d.id)));
