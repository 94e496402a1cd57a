-- Version 5 on PostgreSQL: custom fields as rows beside the JSON column, so a segment such as `plan = pro` reads
-- one range of this primary key. The JSON column stays the record templates read; the statement triggers below
-- keep these rows equal to its string members on every write, set-based over each statement's changed rows, so a
-- bulk import pays one pass instead of one call per row.
CREATE TABLE subscriber_fields (
    name          text COLLATE "C" NOT NULL,        -- the JSON key, exact: `Plan` and `plan` are two fields
    value         text COLLATE "C" NOT NULL,        -- as written; segments compare lower(value) (ASCII case folded)
    subscriber_id bigint NOT NULL                   -- subscribers.id
);
-- In place of SQLite's primary key: one range per field and value, folded as segments compare them, in id order.
CREATE INDEX subscriber_fields_value ON subscriber_fields (name, lower(value), subscriber_id);

INSERT INTO subscriber_fields (name, value, subscriber_id)
SELECT f.key, f.value #>> '{}', s.id FROM subscribers s, jsonb_each(s.fields::jsonb) f WHERE jsonb_typeof(f.value) = 'string';

CREATE FUNCTION subscriber_fields_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO subscriber_fields (name, value, subscriber_id)
    SELECT f.key, f.value #>> '{}', n.id FROM inserted n, jsonb_each(n.fields::jsonb) f WHERE jsonb_typeof(f.value) = 'string';
    RETURN NULL;
END $$;

-- The changed rows are paired once (MATERIALIZED): left to itself the planner cannot count a transition table's
-- matches and may join them row by row, which made an import updating 100,000 subscribers run for minutes.
-- Fields compare as JSON, not as text: jsonb writes an object in its own spacing and key order.
CREATE FUNCTION subscriber_fields_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS MATERIALIZED (
        SELECT o.id, o.fields::jsonb AS fields FROM before_rows o JOIN after_rows n ON n.id = o.id
        WHERE n.fields::jsonb IS DISTINCT FROM o.fields::jsonb
    )
    DELETE FROM subscriber_fields sf USING changed c, jsonb_each(c.fields) f
    WHERE jsonb_typeof(f.value) = 'string'
      AND sf.name = f.key AND lower(sf.value) = lower(f.value #>> '{}') AND sf.subscriber_id = c.id;
    WITH changed AS MATERIALIZED (
        SELECT n.id, n.fields::jsonb AS fields FROM before_rows o JOIN after_rows n ON n.id = o.id
        WHERE n.fields::jsonb IS DISTINCT FROM o.fields::jsonb
    )
    INSERT INTO subscriber_fields (name, value, subscriber_id)
    SELECT f.key, f.value #>> '{}', c.id FROM changed c, jsonb_each(c.fields) f WHERE jsonb_typeof(f.value) = 'string';
    RETURN NULL;
END $$;

CREATE FUNCTION subscriber_fields_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM subscriber_fields sf USING deleted o, jsonb_each(o.fields::jsonb) f
    WHERE jsonb_typeof(f.value) = 'string' AND sf.name = f.key AND lower(sf.value) = lower(f.value #>> '{}') AND sf.subscriber_id = o.id;
    RETURN NULL;
END $$;

CREATE TRIGGER subscriber_fields_on_insert AFTER INSERT ON subscribers
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION subscriber_fields_inserted();
CREATE TRIGGER subscriber_fields_on_update AFTER UPDATE ON subscribers
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION subscriber_fields_updated();
CREATE TRIGGER subscriber_fields_on_delete AFTER DELETE ON subscribers
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION subscriber_fields_deleted();
