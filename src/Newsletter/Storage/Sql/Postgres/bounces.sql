-- PostgreSQL's words for the bounce statements: an address is matched by lower(email), its unique index.

-- name: latest-delivery-of-email
SELECT d.id, s.id, d.issue_id FROM subscribers s LEFT JOIN deliveries d ON d.subscriber_id = s.id
WHERE lower(s.email) = lower(@email COLLATE "C") ORDER BY d.id DESC LIMIT 1;
