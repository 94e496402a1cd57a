-- Version 4 on PostgreSQL: confirmation time, tags, the hashes of erased addresses and the salt that makes them.
ALTER TABLE subscribers ADD COLUMN confirmed_at text;
UPDATE subscribers SET confirmed_at = created_at WHERE status = 'active';

CREATE TABLE subscriber_tags (
    tag           text COLLATE "C" NOT NULL,          -- stored lower-case (Audience/Tags), and segments bind it so
    subscriber_id bigint NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    PRIMARY KEY (tag, subscriber_id)
);
CREATE INDEX subscriber_tags_subscriber ON subscriber_tags (subscriber_id);

-- An erased person leaves only this: HMAC-SHA256(salt, lower-case address), so a later import can still suppress them.
CREATE TABLE erased_addresses (
    email_hash text PRIMARY KEY,
    reason     text NOT NULL,
    erased_at  text NOT NULL
);

CREATE TABLE audience_secrets (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);
-- 32 bytes from the server's strong random source: gen_random_uuid draws 122 random bits from it per call, and the
-- hash of two gives a salt no one can guess, without the pgcrypto extension.
INSERT INTO audience_secrets (name, value)
VALUES ('erasure-salt', sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')));
