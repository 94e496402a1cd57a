-- Subscriber statements.

-- name: insert
INSERT INTO subscribers (email, name, fields, status, source, created_at, status_changed_at)
VALUES ($email, $name, $fields, $status, $source, $now, $now)
ON CONFLICT (email) DO UPDATE SET
    name = COALESCE(excluded.name, subscribers.name),
    fields = json_patch(subscribers.fields, excluded.fields)
RETURNING id, status;

-- name: by-email
SELECT id, email, name, fields, status FROM subscribers WHERE email = $email;

-- name: by-id
SELECT id, email, name, fields, status FROM subscribers WHERE id = $id;

-- name: list
SELECT id, email, name, fields, status FROM subscribers ORDER BY id;

-- name: set-status
UPDATE subscribers SET status = $status, status_changed_at = $now
WHERE id = $id AND status <> $status;

-- name: count-by-status
SELECT status, count(*) FROM subscribers GROUP BY status;

-- name: field-names
SELECT DISTINCT j.key FROM subscribers s, json_each(s.fields) j ORDER BY j.key;
