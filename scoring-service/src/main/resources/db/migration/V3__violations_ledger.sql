-- The ledger of violations: append-only. A violation keeps the points its rule cost when it was
-- recorded; an automatic one keeps the id of what it came from (an order lapse), unique, so that
-- each lapse is recorded exactly once however many runs or replicas see it.
CREATE TABLE violation (
    id            uuid PRIMARY KEY,
    unit_id       uuid NOT NULL,
    rule_id       uuid NOT NULL REFERENCES deduction_rule (id),
    rule_code     varchar(64) COLLATE "C" NOT NULL,
    points_millis integer NOT NULL CHECK (points_millis BETWEEN 1 AND 100000),
    occurred_time timestamptz NOT NULL,
    evidence      varchar(2000) NOT NULL,
    reported_by   varchar(200) NOT NULL,
    source        varchar(20) NOT NULL CHECK (source IN ('MANUAL', 'ORDER_LAPSE')),
    source_id     varchar(200) COLLATE "C",
    request_id    varchar(100),
    request_hash  varchar(64),
    record_time   timestamptz NOT NULL,
    CONSTRAINT uk_violation_source_id UNIQUE (source_id),
    CONSTRAINT uk_violation_request_id UNIQUE (request_id),
    CONSTRAINT ck_violation_source CHECK ((source = 'ORDER_LAPSE') = (source_id IS NOT NULL))
);
CREATE INDEX ix_violation_time ON violation (occurred_time, id);
CREATE INDEX ix_violation_unit_time ON violation (unit_id, occurred_time, id);

-- A withdrawal (an appeal upheld) is a fact added to a violation, at most one per violation.
CREATE TABLE violation_withdrawal (
    violation_id  uuid PRIMARY KEY REFERENCES violation (id),
    reason        varchar(2000) NOT NULL,
    withdrawn_by  varchar(200) NOT NULL,
    withdraw_time timestamptz NOT NULL
);

-- Append-only means it: the database refuses to change or delete what the ledger holds.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the violations ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER violation_append_only BEFORE UPDATE OR DELETE ON violation
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER violation_no_truncate BEFORE TRUNCATE ON violation
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER violation_withdrawal_append_only BEFORE UPDATE OR DELETE ON violation_withdrawal
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
CREATE TRIGGER violation_withdrawal_no_truncate BEFORE TRUNCATE ON violation_withdrawal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_change();
