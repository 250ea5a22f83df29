-- Units are deactivated, never deleted; update_time tracks the last change.
ALTER TABLE unit
    ADD COLUMN state       varchar(20) NOT NULL DEFAULT 'ACTIVE',
    ADD COLUMN update_time timestamptz;

UPDATE unit SET update_time = create_time;

ALTER TABLE unit ALTER COLUMN update_time SET NOT NULL;
