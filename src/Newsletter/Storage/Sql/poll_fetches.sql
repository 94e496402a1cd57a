-- Vote-page fetches for the database-backed scanner guard (Polls/SharedScannerGuard), shared by every web server.

-- name: insert
INSERT INTO poll_fetches (issue_id, subscriber_id, rating, fetched_at) VALUES (@issue, @subscriber, @rating, @at);

-- name: other-option-since
-- 1 when another option of the same email was fetched since @since, else 0; stops at the first such row
-- (index poll_fetches_email).
SELECT count(*) FROM (
    SELECT 1 FROM poll_fetches
    WHERE issue_id = @issue AND subscriber_id = @subscriber AND fetched_at >= @since AND rating <> @rating
    LIMIT 1
) AS hit;

-- name: sweep
-- Fetches too old to matter to any vote still being decided (index poll_fetches_age).
DELETE FROM poll_fetches WHERE fetched_at < @cutoff;
