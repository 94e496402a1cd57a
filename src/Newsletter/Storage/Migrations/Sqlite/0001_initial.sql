-- Version 1: subscribers, issues, deliveries (the send ledger) and poll votes.
CREATE TABLE subscribers (
    id                INTEGER PRIMARY KEY,
    email             TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name              TEXT,
    fields            TEXT NOT NULL DEFAULT '{}',          -- JSON object of custom merge fields
    status            TEXT NOT NULL DEFAULT 'active'
                      CHECK (status IN ('pending', 'active', 'unsubscribed', 'bounced', 'complained')),
    source            TEXT,
    created_at        TEXT NOT NULL,
    status_changed_at TEXT NOT NULL
);
CREATE INDEX subscribers_status ON subscribers (status, id);

CREATE TABLE issues (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    subject     TEXT NOT NULL,
    send_at     TEXT,
    poll        TEXT,                                      -- JSON: question and options, for reports
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sending', 'sent')),
    created_at  TEXT NOT NULL,
    started_at  TEXT,
    finished_at TEXT
);

-- One row per issue and subscriber: the ledger that makes a send exactly-once across reruns.
CREATE TABLE deliveries (
    id            INTEGER PRIMARY KEY,
    issue_id      INTEGER NOT NULL REFERENCES issues (id),
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    status        TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'bounced', 'suppressed')),
    message_id    TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    claimed_by    TEXT,
    last_error    TEXT,
    updated_at    TEXT NOT NULL,
    sent_at       TEXT,
    UNIQUE (issue_id, subscriber_id)
);
CREATE INDEX deliveries_issue_status ON deliveries (issue_id, status, id);

CREATE TABLE votes (
    issue_id      INTEGER NOT NULL REFERENCES issues (id),
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    rating        INTEGER NOT NULL,
    voted_at      TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    PRIMARY KEY (issue_id, subscriber_id)
);

-- Every click, so a changed vote keeps its history.
CREATE TABLE vote_history (
    id            INTEGER PRIMARY KEY,
    issue_id      INTEGER NOT NULL,
    subscriber_id INTEGER NOT NULL,
    rating        INTEGER NOT NULL,
    at            TEXT NOT NULL
);

-- A send in progress holds its issue's lease, so two `send --due` runs never send one issue at once.
CREATE TABLE send_leases (
    issue_id    INTEGER PRIMARY KEY REFERENCES issues (id),
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
