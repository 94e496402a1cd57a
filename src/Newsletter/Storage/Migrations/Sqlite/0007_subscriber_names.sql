-- Version 7: first and last names as columns of their own, as imported, beside the display name. Lists imported
-- earlier kept `first_name` and `last_name` columns as custom fields; they move here (the fields triggers of
-- version 5 drop their subscriber_fields rows).
ALTER TABLE subscribers ADD COLUMN first_name TEXT;
ALTER TABLE subscribers ADD COLUMN last_name TEXT;

UPDATE subscribers
SET first_name = json_extract(fields, '$.first_name'),
    last_name = json_extract(fields, '$.last_name'),
    fields = json_remove(fields, '$.first_name', '$.last_name')
WHERE json_type(fields, '$.first_name') = 'text' OR json_type(fields, '$.last_name') = 'text';
