-- Customer complaints, kept until they are settled.
CREATE SEQUENCE complaint_reference_seq;

CREATE TABLE complaint (
    id           uuid PRIMARY KEY,
    reference    varchar(32) NOT NULL,
    unit_id      uuid NOT NULL,
    channel      varchar(40) NOT NULL,
    description  text NOT NULL,
    receive_time timestamptz NOT NULL,
    request_id   varchar(100),
    create_time  timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_complaint_reference UNIQUE (reference),
    CONSTRAINT uk_complaint_request_id UNIQUE (request_id)
);

CREATE INDEX ix_complaint_receive_time ON complaint (receive_time DESC, id DESC);
CREATE INDEX ix_complaint_unit_id ON complaint (unit_id);
