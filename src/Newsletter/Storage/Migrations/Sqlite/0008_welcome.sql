-- Version 8: which recorded issue is the welcome email (front matter `welcome: true`). Its deliveries are queued one
-- subscriber at a time and it is never finished, so `status` shows it as `welcome` rather than forever `sending`.
ALTER TABLE issues ADD COLUMN welcome INTEGER NOT NULL DEFAULT 0;
