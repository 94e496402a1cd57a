-- Version 7 on PostgreSQL: first and last names as columns of their own; `first_name` and `last_name` custom fields
-- of earlier imports move there (the fields triggers of version 5 drop their subscriber_fields rows).
ALTER TABLE subscribers ADD COLUMN first_name text, ADD COLUMN last_name text;

UPDATE subscribers
SET first_name = fields::jsonb ->> 'first_name',
    last_name = fields::jsonb ->> 'last_name',
    fields = (fields::jsonb - 'first_name' - 'last_name')::text
WHERE jsonb_typeof(fields::jsonb -> 'first_name') = 'string' OR jsonb_typeof(fields::jsonb -> 'last_name') = 'string';
