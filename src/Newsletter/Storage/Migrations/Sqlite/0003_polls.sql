-- Version 3: an optional comment with each vote, and how each click in the history was confirmed.
ALTER TABLE votes ADD COLUMN comment TEXT;
ALTER TABLE votes ADD COLUMN commented_at TEXT;
CREATE INDEX vote_history_issue ON vote_history (issue_id, subscriber_id, id);
