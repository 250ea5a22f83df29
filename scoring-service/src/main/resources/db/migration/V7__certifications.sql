-- The certification cycle: a unit's certification under one code of accreditation rules, granted,
-- reviewed and renewed by accreditation decisions, suspended and lapsed by the certification watch
-- or by hand. The rules' cycle figures of the latest decision are kept on the row, so the watch and
-- the planning of the next review need nothing else. Every change is a certification_event.
CREATE TABLE certification (
    id                          uuid PRIMARY KEY,
    unit_id                     uuid NOT NULL,
    rules_code                  varchar(64) COLLATE "C" NOT NULL,
    rules_id                    uuid NOT NULL,
    standard_code               varchar(64) NOT NULL,
    status                      varchar(20) NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'LAPSED')),
    grant_time                  timestamptz NOT NULL,
    -- The start of the current cycle: the grant time, then the valid_until each renewal moved on from.
    cycle_start                 timestamptz NOT NULL,
    valid_until                 timestamptz NOT NULL,
    next_review_due_time        timestamptz NOT NULL,
    -- Which review of the cycle is next, from 1 (the reassessment has the number after the last review).
    next_review_number          integer NOT NULL CHECK (next_review_number >= 1),
    next_review_is_reassessment boolean NOT NULL,
    planned_inspection_id       uuid,
    latest_decision_id          uuid NOT NULL,
    action_plan_order_ids       uuid[] NOT NULL DEFAULT '{}',
    action_plan_due_time        timestamptz,
    validity_months             integer NOT NULL CHECK (validity_months >= 1),
    review_interval_months      integer NOT NULL CHECK (review_interval_months >= 1),
    review_window_days          integer NOT NULL CHECK (review_window_days >= 1),
    review_grace_days           integer NOT NULL CHECK (review_grace_days >= 0),
    assessment_authority        varchar(40) NOT NULL,
    revision                    bigint NOT NULL DEFAULT 0,
    CONSTRAINT ck_certification_times CHECK (grant_time <= cycle_start AND cycle_start < valid_until
        AND next_review_due_time <= valid_until)
);

-- At most one live certification per unit and rules code: two racing grants cannot both win.
CREATE UNIQUE INDEX uk_certification_live ON certification (unit_id, rules_code)
    WHERE status IN ('ACTIVE', 'SUSPENDED');
-- The list order (unit, rules code, id) and the unit filter.
CREATE INDEX ix_certification_unit ON certification (unit_id, rules_code, id);
-- The watch reads the live ones.
CREATE INDEX ix_certification_live ON certification (id) WHERE status IN ('ACTIVE', 'SUSPENDED');

CREATE TABLE certification_event (
    certification_id      uuid NOT NULL REFERENCES certification (id),
    seq                   integer NOT NULL CHECK (seq >= 1),
    time                  timestamptz NOT NULL,
    action                varchar(30) NOT NULL,
    from_status           varchar(20),
    to_status             varchar(20) NOT NULL,
    reason                varchar(2000) NOT NULL,
    actor                 varchar(100) NOT NULL,
    decision_id           uuid,
    planned_inspection_id uuid,
    PRIMARY KEY (certification_id, seq)
);
-- A decision changes a certification once.
CREATE UNIQUE INDEX uk_certification_event_decision ON certification_event (certification_id, decision_id)
    WHERE decision_id IS NOT NULL;
