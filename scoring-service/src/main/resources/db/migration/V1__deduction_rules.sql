-- Fixed deductions per violation, e.g. 0.5 points per late report.
CREATE TABLE deduction_rule (
    id            uuid PRIMARY KEY,
    code          varchar(64) COLLATE "C" NOT NULL,
    description   varchar(500) NOT NULL,
    points_millis integer NOT NULL CHECK (points_millis BETWEEN 1 AND 100000),
    request_id    varchar(100),
    create_time   timestamptz NOT NULL,
    version       bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_deduction_rule_code UNIQUE (code),
    CONSTRAINT uk_deduction_rule_request_id UNIQUE (request_id)
);
