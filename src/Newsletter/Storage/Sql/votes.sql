-- Poll vote statements.

-- name: upsert
INSERT INTO votes (issue_id, subscriber_id, rating, voted_at, changed_at)
VALUES ($issue, $subscriber, $rating, $now, $now)
ON CONFLICT (issue_id, subscriber_id) DO UPDATE SET rating = excluded.rating, changed_at = excluded.changed_at;

-- name: history
INSERT INTO vote_history (issue_id, subscriber_id, rating, at) VALUES ($issue, $subscriber, $rating, $now);

-- name: tally
SELECT rating, count(*) FROM votes WHERE issue_id = $issue GROUP BY rating;

-- name: delivered
SELECT count(*) FROM deliveries WHERE issue_id = $issue AND status = 'sent';
