-- Certified inspectors who carry out mystery shopping, assessments, spot checks and audits.
CREATE TABLE inspector (
    id                 uuid PRIMARY KEY,
    name               varchar(200) NOT NULL,
    certificate_number varchar(64) COLLATE "C" NOT NULL,
    authority_level    varchar(20) NOT NULL,
    valid_from         timestamptz NOT NULL,
    valid_until        timestamptz NOT NULL,
    request_id         varchar(100),
    create_time        timestamptz NOT NULL,
    version            bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_inspector_certificate_number UNIQUE (certificate_number),
    CONSTRAINT uk_inspector_request_id UNIQUE (request_id),
    CONSTRAINT ck_inspector_validity CHECK (valid_until > valid_from)
);
