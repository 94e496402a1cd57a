-- Sign-up attempts for the database-backed sign-up throttle (Audience/Signup/SharedSignupThrottle).

-- name: lock-key
-- Makes the count and the insert below one step for this key, whichever server runs them. On SQLite the
-- transaction (BEGIN IMMEDIATE) already holds the database's only write lock, so there is nothing more to take.
SELECT @key;

-- name: acquire
-- Counts the attempt only while the key has fewer than @limit attempts after @since; 1 row inserted means allowed
-- (index signup_attempts_key).
INSERT INTO signup_attempts (key, at)
SELECT @key, @now
WHERE (SELECT count(*) FROM signup_attempts WHERE key = @key AND at > @since) < @limit;

-- name: sweep
-- One throttle's attempts that no longer count (index signup_attempts_age); another throttle's rows, with their
-- own window, stay.
DELETE FROM signup_attempts WHERE at <= @cutoff AND substr(key, 1, @length) = @prefix;
