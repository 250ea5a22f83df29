-- The audit trail of scoring-service's resources (commons db/audit: audit_event, sqm_audit_row()).
-- A repeatable migration, run after R__0_audit_trail.sql (repeatables run in description order), so
-- it can attach sqm_audit_row(); written to be run again.
--
-- Row triggers on every table that holds a resource or a part of one, named as the REST API names
-- them. Three kinds of data are written in bulk and get no row trigger:
-- * scorecards (scorecard, scorecard_current, scorecard_figures) are written by a recompute, one per
--   unit and period (10 000 units in the benchmark). The recompute records ONE event per period it
--   publishes, explicitly, in the transaction that makes its scorecards current (RecomputeRuns.audit:
--   resource 'scorecards/<period>', the run that became current and the one it replaced, scorecards
--   written and changed), with the actor, RPC and request id of the RecomputeScorecards call.
--   An explicit insert rather than a statement trigger: the scorecards are written over many
--   transactions before they count; the one change that matters is the publish.
-- * the items of an input batch (measurements, survey responses, customers served) and the rows of a
--   performance publication: a statement-level trigger with a transition table records one event per
--   statement and parent resource (the batch by its batch id, the publication by its period) with
--   the number of rows (sqm_scoring_audit_parts below).
-- * recompute runs (scorecard_run) change at every progress heartbeat: only a cancel request and a
--   delete (people's acts, Operations.CancelOperation/DeleteOperation) are recorded.

-- One event per statement and parent: TG_ARGV[0] the collection, TG_ARGV[1] the column of the part
-- that names its parent, TG_ARGV[2] 'batch' when that column is input_batch.id (the batch is named by
-- its batch_id). The statement's rows come from the transition table 'changed_rows'.
CREATE OR REPLACE FUNCTION sqm_scoring_audit_parts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    parent text := CASE WHEN TG_NARGS > 2 AND TG_ARGV[2] = 'batch'
                        THEN format('(SELECT b.batch_id FROM input_batch b WHERE b.id = c.%I)', TG_ARGV[1])
                        ELSE format('c.%I::text', TG_ARGV[1]) END;
BEGIN
    EXECUTE format(
        'INSERT INTO audit_event (actor, action, request_id, resource, record, operation, changes)'
        || ' SELECT $1, $2, $3, $4 || ''/'' || g.k, $5, $6,'
        || '        jsonb_build_array(jsonb_build_object(''field'', ''rows'', ''after'', g.n))'
        || '   FROM (SELECT %s AS k, count(*) AS n FROM changed_rows c GROUP BY 1) g',
        parent)
    USING coalesce(nullif(current_setting('sqm.actor', true), ''), 'database:' || session_user),
          coalesce(nullif(current_setting('sqm.action', true), ''), 'unattributed'),
          coalesce(current_setting('sqm.request_id', true), ''),
          TG_ARGV[0],
          TG_TABLE_NAME,
          TG_OP;
    RETURN NULL;
END
$$;

-- The scoring catalogue and models.
DROP TRIGGER IF EXISTS audit ON deduction_rule;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON deduction_rule
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('deductionRules', 'id');
DROP TRIGGER IF EXISTS audit ON indicator;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON indicator
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('indicators', 'id');
DROP TRIGGER IF EXISTS audit ON scoring_model;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON scoring_model
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('scoringModels', 'id');
DROP TRIGGER IF EXISTS audit ON accreditation_rules;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON accreditation_rules
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('accreditationRules', 'id');

-- Input batches: one table for three collections, by kind; named by the client's batch id.
DROP TRIGGER IF EXISTS audit_measurements ON input_batch;
CREATE TRIGGER audit_measurements AFTER INSERT OR UPDATE ON input_batch
    FOR EACH ROW WHEN (NEW.kind = 'MEASUREMENTS')
    EXECUTE FUNCTION sqm_audit_row('measurementBatches', 'batch_id');
DROP TRIGGER IF EXISTS audit_surveys ON input_batch;
CREATE TRIGGER audit_surveys AFTER INSERT OR UPDATE ON input_batch
    FOR EACH ROW WHEN (NEW.kind = 'SURVEY_RESPONSES')
    EXECUTE FUNCTION sqm_audit_row('surveyBatches', 'batch_id');
DROP TRIGGER IF EXISTS audit_customers_served ON input_batch;
CREATE TRIGGER audit_customers_served AFTER INSERT OR UPDATE ON input_batch
    FOR EACH ROW WHEN (NEW.kind = 'CUSTOMERS_SERVED')
    EXECUTE FUNCTION sqm_audit_row('customersServedBatches', 'batch_id');
DROP TRIGGER IF EXISTS audit_delete ON input_batch;
CREATE TRIGGER audit_delete AFTER DELETE ON input_batch
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('inputBatches', 'batch_id');

-- Their items: one event per statement and batch (a batch holds up to thousands).
DO $$
DECLARE
    part record;
    verb text;
BEGIN
    FOR part IN SELECT * FROM (VALUES
            ('measurement', 'measurementBatches'),
            ('survey_response', 'surveyBatches'),
            ('customers_served', 'customersServedBatches')) AS p (tbl, collection) LOOP
        FOREACH verb IN ARRAY ARRAY['insert', 'update'] LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', 'audit_' || verb, part.tbl);
            EXECUTE format(
                'CREATE TRIGGER %I AFTER %s ON %I REFERENCING NEW TABLE AS changed_rows '
                    || 'FOR EACH STATEMENT EXECUTE FUNCTION sqm_scoring_audit_parts(%L, %L, %L)',
                'audit_' || verb, upper(verb), part.tbl, part.collection, 'batch_pk', 'batch');
        END LOOP;
    END LOOP;
END
$$;

-- Violations and their withdrawals.
DROP TRIGGER IF EXISTS audit ON violation;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON violation
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('violations', 'id');
DROP TRIGGER IF EXISTS audit ON violation_withdrawal;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON violation_withdrawal
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('violations', 'violation_id');

-- Accreditation decisions, certifications and their history.
DROP TRIGGER IF EXISTS audit ON accreditation_decision;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON accreditation_decision
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('accreditationDecisions', 'id');
DROP TRIGGER IF EXISTS audit ON certification;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON certification
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('certifications', 'id');
DROP TRIGGER IF EXISTS audit ON certification_event;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON certification_event
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('certifications', 'certification_id');

-- Published performance: the publication by period, its rows (one per unit) per statement.
DROP TRIGGER IF EXISTS audit ON performance_publication;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON performance_publication
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('publishedPerformance', 'period');
DROP TRIGGER IF EXISTS audit_insert ON published_performance;
CREATE TRIGGER audit_insert AFTER INSERT ON published_performance REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_scoring_audit_parts('publishedPerformance', 'period');
DROP TRIGGER IF EXISTS audit_update ON published_performance;
CREATE TRIGGER audit_update AFTER UPDATE ON published_performance REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_scoring_audit_parts('publishedPerformance', 'period');
DROP TRIGGER IF EXISTS audit_delete ON published_performance;
CREATE TRIGGER audit_delete AFTER DELETE ON published_performance REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION sqm_scoring_audit_parts('publishedPerformance', 'period');

-- Spot checks a recompute triggered, and where their requests are.
DROP TRIGGER IF EXISTS audit ON triggered_spot_check;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON triggered_spot_check
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('spotChecks', 'id');

-- Recompute runs (operations): a cancel request and a delete only.
DROP TRIGGER IF EXISTS audit_cancel ON scorecard_run;
CREATE TRIGGER audit_cancel AFTER UPDATE OF cancel_requested ON scorecard_run
    FOR EACH ROW WHEN (OLD.cancel_requested IS DISTINCT FROM NEW.cancel_requested)
    EXECUTE FUNCTION sqm_audit_row('operations', 'id');
DROP TRIGGER IF EXISTS audit_delete ON scorecard_run;
CREATE TRIGGER audit_delete AFTER DELETE ON scorecard_run
    FOR EACH ROW EXECUTE FUNCTION sqm_audit_row('operations', 'id');
