-- Version 3 on PostgreSQL: an optional comment with each vote, and how each click in the history was confirmed.
ALTER TABLE votes ADD COLUMN comment text, ADD COLUMN commented_at text;
CREATE INDEX vote_history_issue ON vote_history (issue_id, subscriber_id, id);
