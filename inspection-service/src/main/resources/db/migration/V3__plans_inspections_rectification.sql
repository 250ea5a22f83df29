-- Local copies of the published standard versions that inspections pin. A published version never
-- changes in standards-service, so the copy stays true; it lets inspections validate and report
-- ratings without calling standards-service again.
CREATE TABLE pinned_standard (
    id         uuid PRIMARY KEY,
    code       varchar(64) NOT NULL,
    version    integer NOT NULL,
    content    jsonb NOT NULL,
    fetch_time timestamptz NOT NULL,
    CONSTRAINT uk_pinned_standard_code_version UNIQUE (code, version)
);

CREATE TABLE inspection_plan (
    id               uuid PRIMARY KEY,
    name             varchar(200) NOT NULL,
    kind             varchar(30) NOT NULL,
    authority_level  varchar(20) NOT NULL,
    standard_code    varchar(64) NOT NULL,
    target_unit_ids  jsonb NOT NULL,
    target_parent_id uuid,
    target_unit_type varchar(40),
    cadence          varchar(20) NOT NULL,
    explicit_dates   jsonb NOT NULL,
    start_date       date NOT NULL,
    end_date         date NOT NULL,
    time_zone        varchar(64) NOT NULL,
    request_id       varchar(100),
    fingerprint      varchar(64),
    create_time      timestamptz NOT NULL,
    version          bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_inspection_plan_request_id UNIQUE (request_id),
    CONSTRAINT ck_inspection_plan_dates CHECK (end_date >= start_date)
);
CREATE INDEX ix_inspection_plan_created ON inspection_plan (create_time DESC, id DESC);

CREATE TABLE inspection (
    id               uuid PRIMARY KEY,
    unit_id          uuid NOT NULL,
    kind             varchar(30) NOT NULL,
    authority_level  varchar(20) NOT NULL,
    plan_id          uuid REFERENCES inspection_plan (id),
    standard_id      uuid NOT NULL REFERENCES pinned_standard (id),
    window_start     timestamptz NOT NULL,
    window_end       timestamptz NOT NULL,
    status           varchar(20) NOT NULL,
    missed           boolean NOT NULL DEFAULT false,
    contact_mode     varchar(10),
    contact_time     timestamptz,
    contact_scenario varchar(2000),
    status_note      varchar(2000),
    create_time      timestamptz NOT NULL,
    start_time       timestamptz,
    submit_time      timestamptz,
    finalize_time    timestamptz,
    update_time      timestamptz NOT NULL,
    request_id       varchar(100),
    fingerprint      varchar(64),
    version          bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_inspection_request_id UNIQUE (request_id),
    -- One occurrence per plan, unit and period: generating twice never doubles them.
    CONSTRAINT uk_inspection_occurrence UNIQUE (plan_id, unit_id, window_start),
    CONSTRAINT ck_inspection_window CHECK (window_end > window_start)
);
CREATE INDEX ix_inspection_window ON inspection (window_start DESC, id DESC);
CREATE INDEX ix_inspection_unit ON inspection (unit_id, window_start DESC, id DESC);
CREATE INDEX ix_inspection_results ON inspection (finalize_time, id) WHERE status = 'FINALIZED';
CREATE INDEX ix_inspection_unit_kind_final ON inspection (unit_id, kind, finalize_time) WHERE status = 'FINALIZED';
CREATE INDEX ix_inspection_open_window ON inspection (window_end)
    WHERE status IN ('SCHEDULED', 'IN_PROGRESS') AND NOT missed;

CREATE TABLE inspection_inspector (
    inspection_id uuid NOT NULL REFERENCES inspection (id),
    inspector_id  uuid NOT NULL REFERENCES inspector (id),
    PRIMARY KEY (inspection_id, inspector_id)
);

CREATE TABLE rating (
    inspection_id     uuid NOT NULL REFERENCES inspection (id),
    element_code      varchar(64) NOT NULL,
    position          integer NOT NULL,
    level_code        varchar(64),
    score             integer,
    not_applicable    boolean NOT NULL,
    justification     varchar(2000),
    evidence_notes    text,
    attachments       jsonb NOT NULL,
    observations      text,
    interviews        jsonb NOT NULL,
    meets_requirement boolean NOT NULL,
    points            integer NOT NULL,
    update_time       timestamptz NOT NULL,
    PRIMARY KEY (inspection_id, element_code)
);

CREATE TABLE finding (
    id             uuid PRIMARY KEY,
    inspection_id  uuid NOT NULL REFERENCES inspection (id),
    unit_id        uuid NOT NULL,
    element_code   varchar(64) NOT NULL,
    element_title  varchar(1000) NOT NULL,
    level_code     varchar(64),
    points         integer NOT NULL,
    severity       varchar(20) NOT NULL,
    evidence_notes text,
    CONSTRAINT uk_finding_element UNIQUE (inspection_id, element_code)
);

CREATE TABLE rectification_order (
    id                uuid PRIMARY KEY,
    finding_id        uuid NOT NULL REFERENCES finding (id),
    owner_unit_id     uuid NOT NULL,
    description       varchar(4000) NOT NULL,
    due_time          timestamptz NOT NULL,
    status            varchar(20) NOT NULL,
    overdue           boolean NOT NULL DEFAULT false,
    reopen_count      integer NOT NULL DEFAULT 0,
    completion_note   varchar(4000),
    verification_note varchar(4000),
    create_time       timestamptz NOT NULL,
    done_time         timestamptz,
    verify_time       timestamptz,
    update_time       timestamptz NOT NULL,
    version           bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_rectification_order_finding UNIQUE (finding_id)
);
CREATE INDEX ix_rectification_order_due ON rectification_order (due_time, id);
CREATE INDEX ix_rectification_order_owner ON rectification_order (owner_unit_id, due_time, id);
CREATE INDEX ix_rectification_order_open_due ON rectification_order (due_time)
    WHERE status IN ('OPEN', 'IN_PROGRESS') AND NOT overdue;

-- A finalized or cancelled inspection never changes: not its row, its inspectors, nor its ratings.
-- The service refuses such changes first; this makes it true for direct SQL too.
CREATE FUNCTION inspection_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status IN ('FINALIZED', 'CANCELLED') THEN
        RAISE EXCEPTION 'inspection % is % and never changes', OLD.id, OLD.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tg_inspection_frozen BEFORE UPDATE OR DELETE ON inspection
    FOR EACH ROW EXECUTE FUNCTION inspection_frozen();

CREATE FUNCTION inspection_part_frozen() RETURNS trigger AS $$
DECLARE
    parent_status varchar;
BEGIN
    SELECT status INTO parent_status FROM inspection
        WHERE id = COALESCE(NEW.inspection_id, OLD.inspection_id);
    IF parent_status IN ('FINALIZED', 'CANCELLED') THEN
        RAISE EXCEPTION 'inspection % is % and never changes', COALESCE(NEW.inspection_id, OLD.inspection_id),
            parent_status USING ERRCODE = 'check_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER tg_rating_frozen BEFORE INSERT OR UPDATE OR DELETE ON rating
    FOR EACH ROW EXECUTE FUNCTION inspection_part_frozen();
CREATE TRIGGER tg_inspection_inspector_frozen BEFORE INSERT OR UPDATE OR DELETE ON inspection_inspector
    FOR EACH ROW EXECUTE FUNCTION inspection_part_frozen();
