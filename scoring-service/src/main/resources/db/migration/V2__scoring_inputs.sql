-- Sampled indicators, defined as data: what is counted, which way is better, the unit type measured.
CREATE TABLE indicator (
    id           uuid PRIMARY KEY,
    code         varchar(64) COLLATE "C" NOT NULL,
    name         varchar(200) NOT NULL,
    counted      varchar(1000) NOT NULL,
    kind         varchar(16) NOT NULL CHECK (kind IN ('RATE', 'MEAN')),
    direction    varchar(20) NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
    unit_type    varchar(40),
    request_id   varchar(100),
    request_hash varchar(64),
    create_time  timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_indicator_code UNIQUE (code),
    CONSTRAINT uk_indicator_request_id UNIQUE (request_id)
);

-- Every batch of inputs (measurements, survey responses, customers served), identified by the
-- client's batch id across all kinds. A correction names the batch it supersedes; a batch is
-- superseded at most once (the unique key decides between racing corrections).
CREATE TABLE input_batch (
    id                  uuid PRIMARY KEY,
    batch_id            varchar(100) COLLATE "C" NOT NULL,
    kind                varchar(20) NOT NULL CHECK (kind IN ('MEASUREMENTS', 'SURVEY_RESPONSES', 'CUSTOMERS_SERVED')),
    source              varchar(200) NOT NULL,
    supersedes_batch_id varchar(100) COLLATE "C",
    scale_min           double precision,
    scale_max           double precision,
    item_count          integer NOT NULL CHECK (item_count >= 1),
    fingerprint         varchar(64) NOT NULL,
    record_time         timestamptz NOT NULL,
    CONSTRAINT uk_input_batch_batch_id UNIQUE (batch_id),
    CONSTRAINT uk_input_batch_supersedes UNIQUE (supersedes_batch_id),
    CONSTRAINT fk_input_batch_supersedes FOREIGN KEY (supersedes_batch_id) REFERENCES input_batch (batch_id),
    CONSTRAINT ck_input_batch_scale CHECK ((kind = 'SURVEY_RESPONSES') = (scale_min IS NOT NULL AND scale_max IS NOT NULL)
        AND (scale_min IS NULL OR scale_min < scale_max))
);

-- Measurements: a rate (numerator of denominator >= 1) or a mean (sample size >= 1). At most one
-- current value per unit, indicator and period; a superseded batch's items stay, not current.
CREATE TABLE measurement (
    id             uuid PRIMARY KEY,
    batch_pk       uuid NOT NULL REFERENCES input_batch (id),
    item_index     integer NOT NULL,
    unit_id        uuid NOT NULL,
    indicator_code varchar(64) COLLATE "C" NOT NULL REFERENCES indicator (code),
    period         varchar(7) COLLATE "C" NOT NULL,
    period_start   date NOT NULL,
    period_end     date NOT NULL,
    numerator      bigint NOT NULL,
    denominator    bigint NOT NULL,
    mean           double precision NOT NULL,
    sample_size    bigint NOT NULL,
    current        boolean NOT NULL,
    record_time    timestamptz NOT NULL,
    CONSTRAINT uk_measurement_item UNIQUE (batch_pk, item_index),
    CONSTRAINT ck_measurement_value CHECK (
        (denominator >= 1 AND numerator BETWEEN 0 AND denominator AND mean = 0 AND sample_size = 0)
        OR (denominator = 0 AND numerator = 0 AND sample_size >= 1))
);
CREATE UNIQUE INDEX uk_measurement_current ON measurement (unit_id, indicator_code, period) WHERE current;
-- Lists read in the order recorded (record time, batch, item), of all units or of one.
CREATE INDEX ix_measurement_list ON measurement (record_time, batch_pk, item_index);
CREATE INDEX ix_measurement_unit ON measurement (unit_id, record_time, batch_pk, item_index);

-- Customers served per unit and period, so complaint rates can be per 10 000 customers.
CREATE TABLE customers_served (
    id           uuid PRIMARY KEY,
    batch_pk     uuid NOT NULL REFERENCES input_batch (id),
    item_index   integer NOT NULL,
    unit_id      uuid NOT NULL,
    period       varchar(7) COLLATE "C" NOT NULL,
    period_start date NOT NULL,
    period_end   date NOT NULL,
    customers    bigint NOT NULL CHECK (customers >= 0),
    current      boolean NOT NULL,
    record_time  timestamptz NOT NULL,
    CONSTRAINT uk_customers_served_item UNIQUE (batch_pk, item_index)
);
CREATE UNIQUE INDEX uk_customers_served_current ON customers_served (unit_id, period) WHERE current;
CREATE INDEX ix_customers_served_list ON customers_served (record_time, batch_pk, item_index);
CREATE INDEX ix_customers_served_unit ON customers_served (unit_id, record_time, batch_pk, item_index);

-- Survey responses with their score normalised to 0-100 on the batch's declared scale.
CREATE TABLE survey_response (
    id            uuid PRIMARY KEY,
    batch_pk      uuid NOT NULL REFERENCES input_batch (id),
    item_index    integer NOT NULL,
    unit_id       uuid NOT NULL,
    segment       varchar(20) NOT NULL CHECK (segment IN ('MOBILE', 'HOME', 'BUSINESS', 'VIP', 'BROADBAND')),
    response_date date NOT NULL,
    score         double precision NOT NULL,
    normalised    double precision NOT NULL CHECK (normalised BETWEEN 0 AND 100),
    current       boolean NOT NULL,
    record_time   timestamptz NOT NULL,
    CONSTRAINT uk_survey_response_item UNIQUE (batch_pk, item_index)
);
CREATE INDEX ix_survey_response_index ON survey_response (unit_id, response_date) WHERE current;
