-- Custom fields as rows beside the JSON column, so a segment such as `plan = pro` reads one contiguous range of
-- this primary key instead of parsing every subscriber's JSON. The JSON column stays the record that templates
-- read (`subscriber.fields.x`); the triggers below keep these rows equal to its string members on every write.
-- No foreign key and no index by subscriber: a person's rows are found from their JSON (old.fields) through the
-- primary key, which spares a bulk import a second B-tree insert and a parent lookup for each of its field values.
CREATE TABLE subscriber_fields (
    name          TEXT NOT NULL,                    -- the JSON key, exact: `Plan` and `plan` are two fields
    value         TEXT NOT NULL COLLATE NOCASE,     -- segments compare values without regard to (ASCII) case
    subscriber_id INTEGER NOT NULL,                 -- subscribers.id
    PRIMARY KEY (name, value, subscriber_id)
) WITHOUT ROWID;

INSERT INTO subscriber_fields (name, value, subscriber_id)
SELECT j.key, j.value, s.id FROM subscribers s, json_each(s.fields) j WHERE j.type = 'text';

-- In the schema rather than in each writer, so that no path (add, import upsert, erasure, a future edit) can forget them.
CREATE TRIGGER subscriber_fields_on_insert AFTER INSERT ON subscribers
BEGIN
    INSERT INTO subscriber_fields (name, value, subscriber_id)
    SELECT key, value, new.id FROM json_each(new.fields) WHERE type = 'text';
END;

CREATE TRIGGER subscriber_fields_on_update AFTER UPDATE OF fields ON subscribers
WHEN new.fields IS NOT old.fields
BEGIN
    DELETE FROM subscriber_fields
    WHERE (name, value, subscriber_id) IN (SELECT key, value, old.id FROM json_each(old.fields) WHERE type = 'text');
    INSERT INTO subscriber_fields (name, value, subscriber_id)
    SELECT key, value, new.id FROM json_each(new.fields) WHERE type = 'text';
END;

CREATE TRIGGER subscriber_fields_on_delete AFTER DELETE ON subscribers
BEGIN
    DELETE FROM subscriber_fields
    WHERE (name, value, subscriber_id) IN (SELECT key, value, old.id FROM json_each(old.fields) WHERE type = 'text');
END;
