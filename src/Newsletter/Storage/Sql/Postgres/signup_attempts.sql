-- PostgreSQL's words for the sign-up throttle, where several web servers count the same keys at once.

-- name: lock-key
-- Read committed lets two servers both count below the limit and both insert; a transaction-scoped advisory lock
-- on the key (class 'sign', then the key's hash) puts one after the other, and the insert that follows, a new
-- statement, sees the other's committed row. Keys that share a hash only wait for each other.
SELECT pg_advisory_xact_lock(1936287598, hashtext(@key));
