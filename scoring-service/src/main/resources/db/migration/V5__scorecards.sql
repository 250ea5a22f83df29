-- Recompute runs: the long-running operations of ScorecardService.RecomputeScorecards. A run is kept
-- after it ends (its scorecards name it). At most one run per period is RUNNING: the partial unique
-- index makes concurrent recomputes of a period join the one that won.
CREATE TABLE scorecard_run (
    id               uuid PRIMARY KEY,
    period           varchar(7) COLLATE "C" NOT NULL,
    status           varchar(10) NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    stage            varchar(200) NOT NULL,
    units_total      bigint NOT NULL DEFAULT 0,
    units_done       bigint NOT NULL DEFAULT 0,
    cancel_requested boolean NOT NULL DEFAULT false,
    -- The operation's outcome: a RecomputeScorecardsResponse when SUCCEEDED, a google.rpc.Status
    -- when FAILED or CANCELLED (serialized protobuf).
    response         bytea,
    error            bytea,
    start_time       timestamptz NOT NULL,
    end_time         timestamptz,
    heartbeat_time   timestamptz NOT NULL
);
CREATE UNIQUE INDEX uk_scorecard_run_running ON scorecard_run (period) WHERE status = 'RUNNING';
-- ListOperations: newest first, optionally of one period.
CREATE INDEX ix_scorecard_run_list ON scorecard_run (start_time DESC, id DESC);
CREATE INDEX ix_scorecard_run_period ON scorecard_run (period, start_time DESC, id DESC);

-- Scorecards as a run wrote them; visible only through scorecard_current. explanation is the
-- canonical JSON of the scorecard (without id, run and compute time); the columns beside it are
-- what the reads filter and sort on.
CREATE TABLE scorecard (
    id             uuid PRIMARY KEY,
    run_id         uuid NOT NULL REFERENCES scorecard_run (id),
    unit_id        uuid NOT NULL,
    unit_code      varchar(64) COLLATE "C" NOT NULL,
    unit_type      varchar(40) NOT NULL,
    parent_unit_id uuid,
    level          integer NOT NULL,
    period         varchar(7) COLLATE "C" NOT NULL,
    status         varchar(20) NOT NULL CHECK (status IN ('SCORED', 'INSUFFICIENT_DATA')),
    score          double precision,
    grade          varchar(50),
    model_id       varchar(40) NOT NULL,
    model_version  integer NOT NULL,
    explanation    text NOT NULL,
    fingerprint    varchar(64) NOT NULL,
    compute_time   timestamptz NOT NULL,
    CONSTRAINT uk_scorecard_run_period_unit UNIQUE (run_id, period, unit_id)
);
-- ListScorecards: a run's period by unit code (keyset paging).
CREATE INDEX ix_scorecard_list ON scorecard (run_id, period, unit_code);
CREATE INDEX ix_scorecard_parent ON scorecard (run_id, period, parent_unit_id, unit_code);
-- GetScoreTrend: a unit's scorecards of several periods.
CREATE INDEX ix_scorecard_unit ON scorecard (unit_id, period);

-- The run whose scorecards are current for each period; switched for every period of a run in the
-- transaction that completes it, so a failed or cancelled run leaves the previous ones as they were.
CREATE TABLE scorecard_current (
    period       varchar(7) COLLATE "C" PRIMARY KEY,
    run_id       uuid NOT NULL REFERENCES scorecard_run (id),
    publish_time timestamptz NOT NULL
);
