-- Version 6: bounce and complaint reports that arrive later as mail, one row per report.
CREATE TABLE bounces (
    id                INTEGER PRIMARY KEY,
    -- What the report was matched to: its VERP token, the returned Message-ID, or the recipient's latest delivery.
    -- All three stay null for a report about no one on the list.
    delivery_id       INTEGER REFERENCES deliveries (id) ON DELETE SET NULL,
    subscriber_id     INTEGER REFERENCES subscribers (id) ON DELETE SET NULL,
    issue_id          INTEGER REFERENCES issues (id) ON DELETE SET NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
    status_code       TEXT,                                -- RFC 3463, e.g. 5.1.1
    diagnostic        TEXT,
    recipient         TEXT,                                -- the failed address as the report writes it
    matched_by        TEXT CHECK (matched_by IN ('verp', 'message-id', 'recipient')),
    -- The report's own Message-ID (or a hash of its content when it has none): reading the same mail again
    -- records nothing twice.
    report_message_id TEXT NOT NULL UNIQUE,
    received_at       TEXT NOT NULL
);
CREATE INDEX bounces_subscriber ON bounces (subscriber_id, id);
CREATE INDEX bounces_issue ON bounces (issue_id, kind);
-- A returned Message-ID names its delivery.
CREATE INDEX deliveries_message_id ON deliveries (message_id);
