-- PostgreSQL's words for the subscriber statements that SQLite writes with its own functions: json_patch becomes
-- jsonb's || (the fields are string members only, so a merge of objects is all RFC 7396 does here), group_concat
-- becomes string_agg, json_each becomes jsonb_object_keys; and an address is matched by lower(email), the unique
-- index that stands in for SQLite's NOCASE column. The address asked for is folded under "C" too (ASCII letters
-- only, as NOCASE does), not under the database's locale, which would fold É to é where the column does not.

-- name: insert
INSERT INTO subscribers (email, name, fields, status, source, created_at, confirmed_at, status_changed_at)
VALUES (@email, @name, @fields, @status, @source, @now, CASE WHEN @status = 'active' THEN @now END, @now)
ON CONFLICT ((lower(email))) DO UPDATE SET
    name = COALESCE(excluded.name, subscribers.name),
    fields = (subscribers.fields::jsonb || excluded.fields::jsonb)::text
RETURNING id, status;

-- name: upsert-import
-- The PostgreSQL import stages its rows with COPY into import_rows (see Audience/Import/PostgresImportWriter) and
-- upserts them in one statement; like SQLite's, it never brings a suppressed address back.
-- A new row's id is @base + its line (a block the importer reserved); an updated row keeps its own.
INSERT INTO subscribers (id, email, name, first_name, last_name, fields, status, source, created_at, confirmed_at, status_changed_at)
SELECT @base + r.line, r.email, r.name, r.first_name, r.last_name, r.fields, r.status, @source, @now,
       CASE WHEN r.status = 'active' THEN @now END, @now
FROM import_rows r ORDER BY r.line
ON CONFLICT ((lower(email))) DO UPDATE SET
    name = COALESCE(excluded.name, subscribers.name),
    first_name = COALESCE(excluded.first_name, subscribers.first_name),
    last_name = COALESCE(excluded.last_name, subscribers.last_name),
    fields = (subscribers.fields::jsonb || excluded.fields::jsonb)::text,
    status = CASE WHEN excluded.status IN ('unsubscribed', 'bounced', 'complained') THEN excluded.status ELSE subscribers.status END,
    status_changed_at = CASE WHEN excluded.status IN ('unsubscribed', 'bounced', 'complained') THEN @now ELSE subscribers.status_changed_at END
WHERE subscribers.status IN ('active', 'pending');

-- name: by-email
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE lower(s.email) = lower(@email COLLATE "C");

-- name: status-of
SELECT status FROM subscribers WHERE lower(email) = lower(@email COLLATE "C");

-- name: by-id
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE s.id = @id;

-- name: list
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s ORDER BY s.id;

-- name: list-by-status
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE s.status = @status ORDER BY s.id;

-- name: list-segment
SELECT s.id, s.email, s.name, s.fields, s.status, s.source, s.created_at, s.confirmed_at, s.status_changed_at,
       (SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM subscriber_tags t WHERE t.subscriber_id = s.id), s.first_name, s.last_name
FROM subscribers s WHERE s.id IN (/*segment-ids*/) ORDER BY s.id;

-- name: field-names
SELECT DISTINCT k.key FROM subscribers s, jsonb_object_keys(s.fields::jsonb) AS k (key) ORDER BY k.key;
