-- Complaint handling: categories, severity, the confidential complainant, the lifecycle, deadlines,
-- pauses of the resolution clock and the history of every change.
CREATE TABLE complaint_category (
    code varchar(40) PRIMARY KEY,
    name varchar(200) NOT NULL
);

INSERT INTO complaint_category (code, name) VALUES
    ('BILLING', 'Billing and charges'),
    ('NETWORK_QUALITY', 'Network quality and coverage'),
    ('SERVICE_OUTAGE', 'Service outage'),
    ('INSTALLATION', 'Installation and activation'),
    ('REPAIR', 'Repair and maintenance'),
    ('STAFF_CONDUCT', 'Staff conduct'),
    ('SALES_PRACTICE', 'Sales practice and contracts'),
    ('WAITING_TIME', 'Waiting and response times'),
    ('INFORMATION', 'Information and advice'),
    ('PRIVACY', 'Privacy and personal data'),
    ('OTHER', 'Other');

ALTER TABLE complaint
    ADD COLUMN category             varchar(40) REFERENCES complaint_category (code),
    ADD COLUMN severity             varchar(20),
    ADD COLUMN remedy_sought        varchar(2000),
    ADD COLUMN complainant_name     varchar(200),
    ADD COLUMN complainant_email    varchar(254),
    ADD COLUMN complainant_phone    varchar(30),
    ADD COLUMN status               varchar(30) NOT NULL DEFAULT 'RECEIVED',
    ADD COLUMN request_hash         varchar(64),
    ADD COLUMN escalated_to_unit_id uuid,
    ADD COLUMN escalation_level     integer NOT NULL DEFAULT 0,
    ADD COLUMN root_cause           varchar(40),
    ADD COLUMN remedy               varchar(2000),
    ADD COLUMN resolve_time         timestamptz,
    ADD COLUMN calendar_id          uuid,
    ADD COLUMN call_back_seconds    bigint,
    ADD COLUMN deadline_source      varchar(120),
    ADD COLUMN update_time          timestamptz;

UPDATE complaint SET category = 'OTHER', severity = 'MEDIUM', update_time = create_time;

ALTER TABLE complaint
    ALTER COLUMN category SET NOT NULL,
    ALTER COLUMN severity SET NOT NULL,
    ALTER COLUMN update_time SET NOT NULL;

CREATE INDEX ix_complaint_status ON complaint (status);

CREATE TABLE complaint_deadline (
    complaint_id    uuid NOT NULL REFERENCES complaint (id),
    kind            varchar(20) NOT NULL,
    allowed_seconds bigint NOT NULL,
    due_time        timestamptz NOT NULL,
    met_time        timestamptz,
    breached        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (complaint_id, kind)
);

CREATE INDEX ix_complaint_deadline_open ON complaint_deadline (due_time) WHERE met_time IS NULL AND NOT breached;

CREATE TABLE complaint_pause (
    complaint_id uuid NOT NULL REFERENCES complaint (id),
    position     integer NOT NULL,
    start_time   timestamptz NOT NULL,
    end_time     timestamptz,
    PRIMARY KEY (complaint_id, position)
);

CREATE TABLE complaint_event (
    id           bigserial PRIMARY KEY,
    complaint_id uuid NOT NULL REFERENCES complaint (id),
    event_time   timestamptz NOT NULL,
    actor        varchar(100) NOT NULL,
    action       varchar(40) NOT NULL,
    from_status  varchar(30),
    to_status    varchar(30),
    note         varchar(2000)
);

CREATE INDEX ix_complaint_event_complaint ON complaint_event (complaint_id, id);
