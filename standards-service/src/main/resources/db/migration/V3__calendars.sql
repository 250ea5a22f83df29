-- Business calendars: the working time deadlines run on.
CREATE TABLE calendar (
    id          uuid PRIMARY KEY,
    code        varchar(64) COLLATE "C" NOT NULL,
    name        varchar(200) NOT NULL,
    time_zone   varchar(64) NOT NULL,
    always_open boolean NOT NULL,
    request_id  varchar(100),
    create_time timestamptz NOT NULL,
    update_time timestamptz NOT NULL,
    version     bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_calendar_code UNIQUE (code),
    CONSTRAINT uk_calendar_request_id UNIQUE (request_id)
);

CREATE TABLE calendar_working_hours (
    calendar_id  uuid NOT NULL REFERENCES calendar (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    day_of_week  varchar(10) NOT NULL,
    start_minute integer NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   integer NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    PRIMARY KEY (calendar_id, position),
    CHECK (end_minute > start_minute)
);

CREATE TABLE calendar_holiday (
    calendar_id uuid NOT NULL REFERENCES calendar (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    day         date NOT NULL,
    name        varchar(200),
    PRIMARY KEY (calendar_id, position),
    UNIQUE (calendar_id, day)
);
