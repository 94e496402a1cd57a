-- Issue statements.

-- name: upsert
INSERT INTO issues (slug, title, subject, send_at, poll, welcome, created_at)
VALUES (@slug, @title, @subject, @send_at, @poll, @welcome, @now)
ON CONFLICT (slug) DO UPDATE SET
    title = excluded.title, subject = excluded.subject, send_at = excluded.send_at, poll = excluded.poll, welcome = excluded.welcome
RETURNING id, status;

-- name: by-id
SELECT id, slug, title, subject, poll, status, send_at, scheduled_at, paused_reason, cancelled_at, welcome FROM issues WHERE id = @id;

-- name: by-slug
SELECT id, slug, title, subject, poll, status, send_at, scheduled_at, paused_reason, cancelled_at, welcome FROM issues WHERE slug = @slug;

-- name: list
SELECT id, slug, title, subject, poll, status, send_at, scheduled_at, paused_reason, cancelled_at, welcome FROM issues ORDER BY slug;

-- name: mark-started
UPDATE issues SET status = 'sending', started_at = COALESCE(started_at, @now) WHERE id = @id AND status = 'draft';

-- name: mark-finished
UPDATE issues SET status = 'sent', finished_at = @now WHERE id = @id;

-- name: schedule
UPDATE issues SET scheduled_at = @at WHERE id = @id;

-- name: pause
-- Keeps the first reason when a send is paused twice.
UPDATE issues SET paused_reason = COALESCE(paused_reason, @reason), paused_at = COALESCE(paused_at, @now) WHERE id = @id;

-- name: resume
UPDATE issues SET paused_reason = NULL, paused_at = NULL WHERE id = @id;

-- name: cancel
UPDATE issues SET cancelled_at = COALESCE(cancelled_at, @now) WHERE id = @id;
