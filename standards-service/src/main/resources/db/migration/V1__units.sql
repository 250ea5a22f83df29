-- Organisation units: the hierarchy that delivers service and is inspected, complained about and scored.
CREATE TABLE unit (
    id          uuid PRIMARY KEY,
    code        varchar(64) COLLATE "C" NOT NULL,
    name        varchar(200) NOT NULL,
    type        varchar(40) NOT NULL,
    parent_id   uuid REFERENCES unit (id),
    request_id  varchar(100),
    create_time timestamptz NOT NULL,
    version     bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_unit_code UNIQUE (code),
    CONSTRAINT uk_unit_request_id UNIQUE (request_id)
);

CREATE INDEX ix_unit_parent_id ON unit (parent_id);
