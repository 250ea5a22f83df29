-- The audit trail of standards-service (commons db/audit, R__0_audit_trail.sql, runs before this file):
-- every table that holds a resource or a part of one records each change under the resource as the
-- REST API names it. A calendar's working hours and holidays are parts of the calendar; a standard's
-- criteria, sub-criteria, elements and rating levels live in its content column and are recorded with
-- the standard (before/after of the whole tree). A unit's state and history are columns of unit.
-- Repeatable: rewritten whole when it changes.
DROP TRIGGER IF EXISTS audit ON unit;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON unit
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('units', 'id');

DROP TRIGGER IF EXISTS audit ON calendar;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON calendar
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('calendars', 'id');

DROP TRIGGER IF EXISTS audit ON calendar_working_hours;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON calendar_working_hours
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('calendars', 'calendar_id');

DROP TRIGGER IF EXISTS audit ON calendar_holiday;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON calendar_holiday
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('calendars', 'calendar_id');

DROP TRIGGER IF EXISTS audit ON standard;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON standard
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('standards', 'id');
