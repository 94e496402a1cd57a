-- Unsubscribes: the status change and the record of where it came from.

-- name: unsubscribe
-- Only someone still on the list changes: a bounce or complaint is the stronger reason, and a second click is no news.
UPDATE subscribers SET status = 'unsubscribed', status_changed_at = @now WHERE id = @id AND status IN ('active', 'pending');

-- name: record
-- An issue id the database does not know (a preview link, a database started afresh) is stored as no issue.
INSERT INTO unsubscribes (subscriber_id, issue_id, source, unsubscribed_at)
VALUES (@id, (SELECT id FROM issues WHERE id = @issue), @source, @now);

-- name: count-by-issue
-- People, not clicks: someone who left, came back and left again through the same issue counts once.
SELECT count(DISTINCT subscriber_id) FROM unsubscribes WHERE issue_id = @issue;

