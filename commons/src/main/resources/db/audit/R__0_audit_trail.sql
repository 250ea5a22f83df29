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
