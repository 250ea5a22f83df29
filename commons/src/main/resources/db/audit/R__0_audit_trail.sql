-- The audit trail of this service's database (docs/authorisation.md), shared by all four services
-- (commons, Flyway location db/audit; a repeatable migration, so it is written to be run again).
-- Every change to an audited table is recorded by the trigger function sqm_audit_row() in the same
-- transaction, with the actor, action and request id the service set for the transaction
-- (commons AuditSession: set_config('sqm.actor' | 'sqm.action' | 'sqm.request_id', ..., true)).
-- Append-only: UPDATE, DELETE and TRUNCATE on audit_event are refused.
CREATE TABLE IF NOT EXISTS audit_event (
    sequence    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    request_id  text        NOT NULL,
    resource    text        NOT NULL,
    record      text        NOT NULL,
    operation   text        NOT NULL,
    changes     jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_event_by_resource ON audit_event (resource, sequence);

CREATE OR REPLACE FUNCTION sqm_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$$;
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_refuse();
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_audit_refuse();

-- Attach to a table as
--   CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON <table>
--       FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('<collection>', '<id column>' [, '<personal column>' ...]);
-- The resource is '<collection>/<value of id column>' (a part of a resource names its parent's id
-- column). Columns named after the id column are personal data: recorded as changed, never their
-- values. An UPDATE that changes nothing is not recorded.
CREATE OR REPLACE FUNCTION sqm_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_row  jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
    new_row  jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
    personal text[] := CASE WHEN TG_NARGS > 2 THEN TG_ARGV[2:TG_NARGS - 1] ELSE '{}'::text[] END;
    changes  jsonb;
BEGIN
    SELECT coalesce(jsonb_agg(
               CASE WHEN k = ANY (personal)
                    THEN jsonb_build_object('field', k, 'redacted', true)
                    ELSE jsonb_strip_nulls(jsonb_build_object('field', k, 'before', old_row -> k, 'after', new_row -> k))
               END ORDER BY k), '[]'::jsonb)
      INTO changes
      FROM jsonb_object_keys(old_row || new_row) AS k
     WHERE (old_row -> k) IS DISTINCT FROM (new_row -> k);
    IF changes = '[]'::jsonb THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_event (actor, action, request_id, resource, record, operation, changes)
    VALUES (coalesce(nullif(current_setting('sqm.actor', true), ''), 'database:' || session_user),
            coalesce(nullif(current_setting('sqm.action', true), ''), 'unattributed'),
            coalesce(current_setting('sqm.request_id', true), ''),
            TG_ARGV[0] || '/' || coalesce(CASE WHEN TG_OP = 'DELETE' THEN old_row ELSE new_row END ->> TG_ARGV[1], '?'),
            TG_TABLE_NAME,
            TG_OP,
            changes);
    RETURN NULL;
END
$$;

-- Inserts in bulk: one event per inserted row, as sqm_audit_row() writes for INSERT, written by one
-- INSERT ... SELECT per statement over the statement's transition table (a batch of 1 000 complaints
-- arrives as multi-row INSERTs: a row trigger runs its function, and its INSERT into audit_event, once
-- per row). Attach it for INSERT only, beside the row trigger for UPDATE OR DELETE:
--   CREATE TRIGGER audit_insert AFTER INSERT ON <table> REFERENCING NEW TABLE AS new_rows
--       FOR EACH STATEMENT EXECUTE FUNCTION sqm_audit_inserts('<collection>', '<id column>' [, '<personal column>' ...]);
--   CREATE TRIGGER audit AFTER UPDATE OR DELETE ON <table>
--       FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('<collection>', '<id column>' [, '<personal column>' ...]);
-- The transition table must be called new_rows. The same actor, action and request id with the same
-- fallbacks (read once per statement: the settings are the transaction's, as they are for every row
-- trigger of the statement); the rows in the order the statement inserted them. The changes are kept
-- compact: {"inserted": <the new row without its personal columns>, "redacted": [<its personal columns>]},
-- which sqm_audit_changes() below turns into exactly the array sqm_audit_row() stores for the row. Building
-- that array per row (a JSON object per column, sorted) cost PostgreSQL about four fifths of the time of a
-- batch intake (bench/README.md); it is now built when an event is read, for the events read.
CREATE OR REPLACE FUNCTION sqm_audit_inserts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    personal text[] := CASE WHEN TG_NARGS > 2 THEN TG_ARGV[2:TG_NARGS - 1] ELSE '{}'::text[] END;
    redacted jsonb;
BEGIN
    IF TG_OP <> 'INSERT' OR TG_LEVEL <> 'STATEMENT' THEN
        RAISE EXCEPTION 'sqm_audit_inserts() audits INSERT statements only (attached for % %)', TG_LEVEL, TG_OP;
    END IF;
    -- The personal columns the table has: every row of the statement has the table's columns.
    SELECT coalesce(jsonb_agg(a.attname::text ORDER BY a.attname::text), '[]'::jsonb)
      INTO redacted
      FROM pg_attribute AS a
     WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND a.attname::text = ANY (personal);
    INSERT INTO audit_event (actor, action, request_id, resource, record, operation, changes)
    SELECT coalesce(nullif(current_setting('sqm.actor', true), ''), 'database:' || session_user),
           coalesce(nullif(current_setting('sqm.action', true), ''), 'unattributed'),
           coalesce(current_setting('sqm.request_id', true), ''),
           TG_ARGV[0] || '/' || coalesce(inserted.new_row ->> TG_ARGV[1], '?'),
           TG_TABLE_NAME,
           'INSERT',
           jsonb_build_object('inserted', inserted.new_row - personal, 'redacted', redacted)
      FROM (SELECT to_jsonb(n) AS new_row FROM new_rows AS n OFFSET 0) AS inserted
     WHERE inserted.new_row <> '{}'::jsonb;
    RETURN NULL;
END
$$;

-- The field changes of a stored audit event as the API lists them, [{field, before, after, redacted}] by
-- field name: the stored array itself, or for an INSERT audited per statement (sqm_audit_inserts()) the
-- array sqm_audit_row() stores for the same row: every column a change (a null one as {"field": ...}:
-- jsonb_strip_nulls drops its "before" and "after"), personal columns as {"field": ..., "redacted": true}.
CREATE OR REPLACE FUNCTION sqm_audit_changes(changes jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(changes) = 'array' THEN changes ELSE (
        SELECT coalesce(jsonb_agg(
                   CASE WHEN x.redacted
                        THEN jsonb_build_object('field', x.k, 'redacted', true)
                        ELSE jsonb_strip_nulls(jsonb_build_object('field', x.k, 'before', NULL::jsonb, 'after', x.v))
                   END ORDER BY x.k), '[]'::jsonb)
          FROM (SELECT e.k, e.v, false AS redacted FROM jsonb_each(changes -> 'inserted') AS e(k, v)
                UNION ALL
                SELECT r.k, NULL::jsonb, true FROM jsonb_array_elements_text(changes -> 'redacted') AS r(k)) AS x)
    END
$$;
