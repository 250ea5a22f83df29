-- The audit trail (issue 17): every change to inspection-service's resources and their parts is
-- recorded by sqm_audit_row() (commons db/audit/R__0_audit_trail.sql, which Flyway runs first:
-- repeatables run in description order, after every versioned migration). A part names its parent:
-- an inspection's ratings, assigned inspectors, findings and moves are recorded under
-- inspections/{id}. The mystery shopping contact is columns of the inspection itself.
-- Not audited: pinned_standard, a copy of standards-service's published versions (audited there).

-- Inspectors and their qualifications.
DROP TRIGGER IF EXISTS audit ON inspector;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inspector
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inspectors', 'id');
DROP TRIGGER IF EXISTS audit ON inspector_qualification;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inspector_qualification
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inspectors', 'inspector_id');

-- Plans.
DROP TRIGGER IF EXISTS audit ON inspection_plan;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inspection_plan
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inspectionPlans', 'id');

-- Inspections and their parts.
DROP TRIGGER IF EXISTS audit ON inspection;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inspection
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inspections', 'id');
DROP TRIGGER IF EXISTS audit ON inspection_inspector;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON inspection_inspector
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inspections', 'inspection_id');
DROP TRIGGER IF EXISTS audit ON rating;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON rating
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inspections', 'inspection_id');
DROP TRIGGER IF EXISTS audit ON finding;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON finding
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inspections', 'inspection_id');

-- Rectification and supervision orders, with a supervision order's status reports.
DROP TRIGGER IF EXISTS audit ON rectification_order;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON rectification_order
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('rectificationOrders', 'id');
DROP TRIGGER IF EXISTS audit ON supervision_order;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON supervision_order
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('supervisionOrders', 'id');
DROP TRIGGER IF EXISTS audit ON supervision_report;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON supervision_report
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('supervisionOrders', 'order_id');

-- The moves of all three (append-only: inserts only), each under the resource it moved.
DROP TRIGGER IF EXISTS audit_inspection ON move_history;
CREATE TRIGGER audit_inspection AFTER INSERT ON move_history
    FOR EACH ROW WHEN (NEW.subject_kind = 'INSPECTION')
    EXECUTE FUNCTION sqm_audit_row('inspections', 'subject_id');
DROP TRIGGER IF EXISTS audit_rectification ON move_history;
CREATE TRIGGER audit_rectification AFTER INSERT ON move_history
    FOR EACH ROW WHEN (NEW.subject_kind = 'RECTIFICATION')
    EXECUTE FUNCTION sqm_audit_row('rectificationOrders', 'subject_id');
DROP TRIGGER IF EXISTS audit_supervision ON move_history;
CREATE TRIGGER audit_supervision AFTER INSERT ON move_history
    FOR EACH ROW WHEN (NEW.subject_kind = 'SUPERVISION')
    EXECUTE FUNCTION sqm_audit_row('supervisionOrders', 'subject_id');
