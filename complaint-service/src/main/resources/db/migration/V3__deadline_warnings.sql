-- Pre-breach warnings: the instant at which the configured share of a deadline's business time is used.
ALTER TABLE complaint_deadline
    ADD COLUMN warn_time timestamptz,
    ADD COLUMN warned    boolean NOT NULL DEFAULT false;
