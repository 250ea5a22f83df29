-- Scoring models, versioned by code. What a version scores on (components or roll-up, missing-source
-- policy, deductions and cap, base score, grade bands) is one document, the proto JSON of the
-- contract's ScoringModel holding those fields only: always read and written whole, frozen on
-- publication. Code, version, unit type and state are columns, for the keys below and for lists
-- (uk_scoring_model_code_version also serves the list order).
CREATE TABLE scoring_model (
    id             uuid PRIMARY KEY,
    code           varchar(64) COLLATE "C" NOT NULL,
    version_number integer NOT NULL CHECK (version_number >= 1),
    name           varchar(200) NOT NULL,
    description    varchar(2000),
    unit_type      varchar(40) NOT NULL,
    state          varchar(20) NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    definition     jsonb NOT NULL,
    request_id     varchar(100),
    request_hash   varchar(64),
    create_time    timestamptz NOT NULL,
    update_time    timestamptz NOT NULL,
    publish_time   timestamptz,
    retire_time    timestamptz,
    revision       bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_scoring_model_code_version UNIQUE (code, version_number),
    CONSTRAINT uk_scoring_model_request_id UNIQUE (request_id),
    CONSTRAINT ck_scoring_model_times CHECK ((state = 'DRAFT') = (publish_time IS NULL)
        AND (state = 'RETIRED') = (retire_time IS NOT NULL))
);

-- At most one draft per code.
CREATE UNIQUE INDEX uk_scoring_model_one_draft ON scoring_model (code) WHERE state = 'DRAFT';
-- At most one published version per unit type: two racing publications cannot both win.
CREATE UNIQUE INDEX uk_scoring_model_one_published ON scoring_model (unit_type) WHERE state = 'PUBLISHED';

-- A published or retired version never changes; only the move from published to retired is allowed,
-- so a scorecard that names a version names what it was computed with for ever.
CREATE FUNCTION scoring_model_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.state <> 'DRAFT' AND (
           NEW.code IS DISTINCT FROM OLD.code
        OR NEW.version_number IS DISTINCT FROM OLD.version_number
        OR NEW.name IS DISTINCT FROM OLD.name
        OR NEW.description IS DISTINCT FROM OLD.description
        OR NEW.unit_type IS DISTINCT FROM OLD.unit_type
        OR NEW.definition IS DISTINCT FROM OLD.definition
        OR NEW.publish_time IS DISTINCT FROM OLD.publish_time
        OR NOT (NEW.state = OLD.state OR (OLD.state = 'PUBLISHED' AND NEW.state = 'RETIRED'))) THEN
        RAISE EXCEPTION 'scoring model % version % is % and cannot change', OLD.code, OLD.version_number, OLD.state
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER scoring_model_frozen BEFORE UPDATE ON scoring_model
    FOR EACH ROW EXECUTE FUNCTION scoring_model_frozen();

CREATE FUNCTION scoring_model_undeletable() RETURNS trigger AS $$
BEGIN
    IF OLD.state <> 'DRAFT' THEN
        RAISE EXCEPTION 'scoring model % version % is % and cannot be deleted', OLD.code, OLD.version_number, OLD.state
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER scoring_model_undeletable BEFORE DELETE ON scoring_model
    FOR EACH ROW EXECUTE FUNCTION scoring_model_undeletable();
