-- Satisfaction with the handling, the call-back to dissatisfied customers, and the business time a
-- resolution took (computed once, at resolution, so statistics stay plain SQL).
ALTER TABLE complaint
    ADD COLUMN satisfaction                smallint CHECK (satisfaction BETWEEN 1 AND 5),
    ADD COLUMN call_back_outcome           varchar(2000),
    ADD COLUMN resolution_business_seconds bigint,
    ADD COLUMN reopen_count                integer NOT NULL DEFAULT 0;

CREATE INDEX ix_complaint_unit_receive ON complaint (unit_id, receive_time);
