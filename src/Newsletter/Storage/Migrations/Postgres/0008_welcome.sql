-- Version 8 on PostgreSQL: which recorded issue is the welcome email (0 or 1, as on SQLite).
ALTER TABLE issues ADD COLUMN welcome bigint NOT NULL DEFAULT 0;
