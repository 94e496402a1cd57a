-- Version 9: every unsubscribe, with the issue whose link the person used, so reports can say which issue lost whom.
CREATE TABLE unsubscribes (
    id              INTEGER PRIMARY KEY,
    subscriber_id   INTEGER NOT NULL REFERENCES subscribers (id),
    -- The issue named by the signed link; null when it came from no issue's email (the CLI, an old or preview link).
    issue_id        INTEGER REFERENCES issues (id) ON DELETE SET NULL,
    -- 'link': the footer link's page button; 'one-click': an RFC 8058 List-Unsubscribe-Post from the mail client;
    -- 'cli': `subscribers remove`. Bounces and complaints are not unsubscribes: they stay in `bounces`.
    source          TEXT NOT NULL CHECK (source IN ('link', 'one-click', 'cli')),
    unsubscribed_at TEXT NOT NULL
);
CREATE INDEX unsubscribes_issue ON unsubscribes (issue_id, subscriber_id);
CREATE INDEX unsubscribes_subscriber ON unsubscribes (subscriber_id);
