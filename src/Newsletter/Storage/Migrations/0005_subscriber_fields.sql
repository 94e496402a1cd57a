-- Custom fields as rows beside the JSON column, so a segment such as `plan = pro` reads one contiguous range of
-- this primary key instead of parsing every subscriber's JSON. The JSON column stays the record that templates
-- read (`subscriber.fields.x`); the triggers below keep these rows equal to its string members on every write.
CREATE TABLE subscriber_fields (
    name          TEXT NOT NULL,                    -- the JSON key, exact: `Plan` and `plan` are two fields
    value         TEXT NOT NULL COLLATE NOCASE,     -- segments compare values without regard to (ASCII) case
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    PRIMARY KEY (name, value, subscriber_id)
) WITHOUT ROWID;

INSERT INTO subscriber_fields (name, value, subscriber_id)
SELECT j.key, j.value, s.id FROM subscribers s, json_each(s.fields) j WHERE j.type = 'text';

-- Built after the backfill (one sort instead of a million inserts); erasure and re-imports find a person's rows by it.
CREATE INDEX subscriber_fields_subscriber ON subscriber_fields (subscriber_id);

-- In the schema rather than in each writer, so that no path (add, import upsert, a future edit) can forget them.
CREATE TRIGGER subscriber_fields_on_insert AFTER INSERT ON subscribers
BEGIN
    INSERT INTO subscriber_fields (name, value, subscriber_id)
    SELECT key, value, new.id FROM json_each(new.fields) WHERE type = 'text';
END;

CREATE TRIGGER subscriber_fields_on_update AFTER UPDATE OF fields ON subscribers
WHEN new.fields IS NOT old.fields
BEGIN
    DELETE FROM subscriber_fields WHERE subscriber_id = new.id;
    INSERT INTO subscriber_fields (name, value, subscriber_id)
    SELECT key, value, new.id FROM json_each(new.fields) WHERE type = 'text';
END;
