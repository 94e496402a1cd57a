-- Audience at scale: confirmation time, tags, the hashes of erased addresses and the salt that makes them.
ALTER TABLE subscribers ADD COLUMN confirmed_at TEXT;
UPDATE subscribers SET confirmed_at = created_at WHERE status = 'active';

-- Tag first: a segment such as `tag:rust` reads one contiguous range of this index.
CREATE TABLE subscriber_tags (
    tag           TEXT NOT NULL COLLATE NOCASE,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, subscriber_id)
) WITHOUT ROWID;
CREATE INDEX subscriber_tags_subscriber ON subscriber_tags (subscriber_id);

-- An erased person leaves only this: HMAC-SHA256(salt, lower-case address), so a later import can still suppress them.
CREATE TABLE erased_addresses (
    email_hash TEXT PRIMARY KEY,
    reason     TEXT NOT NULL,
    erased_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE audience_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
INSERT INTO audience_secrets (name, value) VALUES ('erasure-salt', randomblob(32));
