-- Accreditation rules, immutable versions per code. What a version says (level lists, limits,
-- months and days, the assessing authority) is one document, the proto JSON of the contract's
-- AccreditationRules holding those fields only; code, version, name and standard are columns for the
-- keys and the lists (uk_accreditation_rules_code_version also serves the list order).
CREATE TABLE accreditation_rules (
    id             uuid PRIMARY KEY,
    code           varchar(64) COLLATE "C" NOT NULL,
    version_number integer NOT NULL CHECK (version_number >= 1),
    name           varchar(200) NOT NULL,
    standard_code  varchar(64) COLLATE "C" NOT NULL,
    definition     jsonb NOT NULL,
    request_id     varchar(100),
    request_hash   varchar(64),
    create_time    timestamptz NOT NULL,
    CONSTRAINT uk_accreditation_rules_code_version UNIQUE (code, version_number),
    CONSTRAINT uk_accreditation_rules_request_id UNIQUE (request_id)
);

-- A version never changes and is never deleted: decisions name it for ever.
CREATE FUNCTION accreditation_rules_frozen() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'accreditation rules % version % never change', OLD.code, OLD.version_number
        USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER accreditation_rules_frozen BEFORE UPDATE OR DELETE ON accreditation_rules
    FOR EACH ROW EXECUTE FUNCTION accreditation_rules_frozen();

-- Accreditation decisions. One per unit, rules version and assessment: deciding again on the same
-- assessment finds this row. The decision itself (criteria, reasons, action plan) is the proto JSON of
-- the contract's AccreditationDecision without id and certification; the columns beside it are what
-- the keys, the lists and the certification cycle use.
CREATE TABLE accreditation_decision (
    id                   uuid PRIMARY KEY,
    unit_id              uuid NOT NULL,
    rules_id             uuid NOT NULL REFERENCES accreditation_rules (id),
    rules_code           varchar(64) COLLATE "C" NOT NULL,
    inspection_id        uuid NOT NULL,
    outcome              varchar(40) NOT NULL
        CHECK (outcome IN ('ACCREDITED', 'ACCREDITED_WITH_ACTION_PLAN', 'NOT_ACCREDITED')),
    decision             jsonb NOT NULL,
    decide_time          timestamptz NOT NULL,
    actor                varchar(100) NOT NULL,
    certification_id     uuid,
    certification_action varchar(40),
    CONSTRAINT uk_accreditation_decision_assessment UNIQUE (unit_id, rules_id, inspection_id)
);
-- ListAccreditationDecisions: newest first, optionally of one unit or one rules code.
CREATE INDEX ix_accreditation_decision_list ON accreditation_decision (decide_time DESC, id DESC);
CREATE INDEX ix_accreditation_decision_unit ON accreditation_decision (unit_id, decide_time DESC, id DESC);
CREATE INDEX ix_accreditation_decision_rules ON accreditation_decision (rules_code, decide_time DESC, id DESC);
