-- The closed loop: a spot-check trigger that fired for a unit and a month, at most once per unit,
-- trigger code and month (the unique key), with why, the figures behind it, the spot check it asks
-- for (fixed when it fires, so a retry sends the very same request) and where the request is.
CREATE TABLE triggered_spot_check (
    id              uuid PRIMARY KEY,
    unit_id         uuid          NOT NULL,
    trigger_code    varchar(64)   NOT NULL,
    period          varchar(7)    NOT NULL,
    model_id        uuid          NOT NULL,
    reason          varchar(2000) NOT NULL,
    figure_names    varchar[]     NOT NULL,
    figure_periods  varchar[]     NOT NULL,
    figure_values   float8[]      NOT NULL,
    standard_code   varchar(64)   NOT NULL,
    authority_level varchar(20)   NOT NULL,
    window_days     integer       NOT NULL,
    status          varchar(20)   NOT NULL,
    inspection_id   uuid,
    fire_time       timestamptz   NOT NULL,
    request_time    timestamptz,
    CONSTRAINT uq_triggered_spot_check UNIQUE (unit_id, trigger_code, period)
);

-- The list: newest month first, then by unit (and trigger code).
CREATE INDEX ix_triggered_spot_check_list ON triggered_spot_check (period DESC, unit_id, trigger_code);
-- What the next evaluation retries.
CREATE INDEX ix_triggered_spot_check_pending ON triggered_spot_check (fire_time, id) WHERE status = 'PENDING';
