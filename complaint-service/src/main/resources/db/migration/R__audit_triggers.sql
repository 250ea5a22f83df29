-- The audit trail of complaint-service (docs/authorisation.md): every change to a complaint and to its
-- parts is recorded by commons' audit functions (db/audit/R__0_audit_trail.sql, which Flyway runs
-- before this file: repeatables run in description order). A repeatable migration, so it can use those
-- functions and can be run again.
-- Inserts are recorded per statement by sqm_audit_inserts() over the statement's new rows (a batch of
-- complaints arrives as multi-row INSERTs), updates and deletes per row by sqm_audit_row(); both write
-- the same events.
-- The complainant's name, e-mail and phone are personal data: recorded as changed, never their
-- values. So is request_hash, a fingerprint computed over them.
DROP TRIGGER IF EXISTS audit ON complaint;
DROP TRIGGER IF EXISTS audit_insert ON complaint;
CREATE TRIGGER audit_insert AFTER INSERT ON complaint REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_audit_inserts(
        'complaints', 'id', 'complainant_name', 'complainant_email', 'complainant_phone', 'request_hash');
CREATE TRIGGER audit AFTER UPDATE OR DELETE ON complaint
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row(
        'complaints', 'id', 'complainant_name', 'complainant_email', 'complainant_phone', 'request_hash');

-- The parts of a complaint name the complaint: its deadlines, the pauses of its resolution clock and
-- its history.
DROP TRIGGER IF EXISTS audit ON complaint_deadline;
DROP TRIGGER IF EXISTS audit_insert ON complaint_deadline;
CREATE TRIGGER audit_insert AFTER INSERT ON complaint_deadline REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_audit_inserts('complaints', 'complaint_id');
CREATE TRIGGER audit AFTER UPDATE OR DELETE ON complaint_deadline
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('complaints', 'complaint_id');

DROP TRIGGER IF EXISTS audit ON complaint_pause;
DROP TRIGGER IF EXISTS audit_insert ON complaint_pause;
CREATE TRIGGER audit_insert AFTER INSERT ON complaint_pause REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_audit_inserts('complaints', 'complaint_id');
CREATE TRIGGER audit AFTER UPDATE OR DELETE ON complaint_pause
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('complaints', 'complaint_id');

DROP TRIGGER IF EXISTS audit ON complaint_event;
DROP TRIGGER IF EXISTS audit_insert ON complaint_event;
CREATE TRIGGER audit_insert AFTER INSERT ON complaint_event REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_audit_inserts('complaints', 'complaint_id');
CREATE TRIGGER audit AFTER UPDATE OR DELETE ON complaint_event
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('complaints', 'complaint_id');

-- The categories complaints are filed under (reference data; only migrations add them).
DROP TRIGGER IF EXISTS audit ON complaint_category;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON complaint_category
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('complaintCategories', 'code');
