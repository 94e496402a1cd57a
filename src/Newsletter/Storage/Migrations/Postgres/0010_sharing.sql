-- Version 10 on PostgreSQL: what several senders and web servers share (see the SQLite script for each table's role).
CREATE TABLE send_workers (
    issue_id    bigint NOT NULL REFERENCES issues (id),
    holder      text NOT NULL,
    expires_at  text NOT NULL,
    PRIMARY KEY (issue_id, holder)
);

CREATE TABLE poll_fetches (
    issue_id      bigint NOT NULL,
    subscriber_id bigint NOT NULL,
    rating        bigint NOT NULL,
    fetched_at    text NOT NULL
);
CREATE INDEX poll_fetches_email ON poll_fetches (issue_id, subscriber_id, fetched_at);
CREATE INDEX poll_fetches_age ON poll_fetches (fetched_at);

CREATE TABLE signup_attempts (
    key         text NOT NULL,
    at          text NOT NULL
);
CREATE INDEX signup_attempts_key ON signup_attempts (key, at);
CREATE INDEX signup_attempts_age ON signup_attempts (at);
