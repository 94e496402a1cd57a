-- Version 10: what several processes must share when they use one database. On SQLite, one machine's processes;
-- on PostgreSQL, several machines' (the tables are the same on both, so a copy moves them too).

-- Each worker of a send shared by several senders holds its own lease; a worker whose lease has expired is taken
-- for dead and its claimed deliveries go back to the queue. (send_leases stays the one-run-per-issue lease.)
CREATE TABLE send_workers (
    issue_id    INTEGER NOT NULL REFERENCES issues (id),
    holder      TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    PRIMARY KEY (issue_id, holder)
);

-- Vote-page fetches for the scanner guard (Polls/ScannerGuard), so that a scanner's fetches spread over two web
-- servers still look like one scan. Kept for seconds; swept as they age.
CREATE TABLE poll_fetches (
    issue_id      INTEGER NOT NULL,
    subscriber_id INTEGER NOT NULL,
    rating        INTEGER NOT NULL,
    fetched_at    TEXT NOT NULL
);
CREATE INDEX poll_fetches_email ON poll_fetches (issue_id, subscriber_id, fetched_at);
CREATE INDEX poll_fetches_age ON poll_fetches (fetched_at);

-- Sign-up attempts per address and per client for the sign-up throttle (Audience/Signup/SignupThrottle).
CREATE TABLE signup_attempts (
    key         TEXT NOT NULL,
    at          TEXT NOT NULL
);
CREATE INDEX signup_attempts_key ON signup_attempts (key, at);
CREATE INDEX signup_attempts_age ON signup_attempts (at);
