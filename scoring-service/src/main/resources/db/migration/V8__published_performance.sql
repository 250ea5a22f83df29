-- The figures behind each scorecard, computed by the run that wrote it from the same inputs and
-- written in the same transaction: they are current exactly when their scorecard is (through
-- scorecard_current). A null value has no data; the counts say what each value rests on. The
-- indicators are the model's sampled indicators in model order, as three arrays of one length.
CREATE TABLE scorecard_figures (
    scorecard_id       uuid PRIMARY KEY REFERENCES scorecard (id) ON DELETE CASCADE,
    satisfaction_index double precision,
    responses          bigint NOT NULL,
    timeliness         double precision,
    resolved_on_time   bigint NOT NULL,
    resolved           bigint NOT NULL,
    complaint_rate     double precision,
    complaints         bigint NOT NULL,
    customers_served   bigint NOT NULL,
    indicator_codes    varchar(64)[] NOT NULL,
    indicator_values   double precision[] NOT NULL,
    indicator_samples  bigint[] NOT NULL,
    CONSTRAINT ck_scorecard_figures_indicators CHECK (
        cardinality(indicator_codes) = cardinality(indicator_values)
        AND cardinality(indicator_codes) = cardinality(indicator_samples))
);

-- A period's publication: written once (the period is the key, so a racing second publication
-- finds the first), never updated.
CREATE TABLE performance_publication (
    period       varchar(7) COLLATE "C" PRIMARY KEY,
    publish_time timestamptz NOT NULL,
    actor        varchar(100) NOT NULL,
    unit_count   integer NOT NULL,
    fingerprint  varchar(64) NOT NULL
);

-- The published rows: each the canonical JSON of a PublishedPerformance, stored as text so every
-- read returns the bytes written at publication. No reference to the scorecard tables: a later
-- recompute or a deleted run changes nothing here.
CREATE TABLE published_performance (
    period         varchar(7) COLLATE "C" NOT NULL REFERENCES performance_publication (period),
    unit_code      varchar(64) COLLATE "C" NOT NULL,
    unit_id        uuid NOT NULL,
    unit_type      varchar(40) NOT NULL,
    parent_unit_id uuid,
    row_json       text NOT NULL,
    PRIMARY KEY (period, unit_code, unit_id)
);
CREATE INDEX ix_published_performance_parent ON published_performance (period, parent_unit_id, unit_code);
