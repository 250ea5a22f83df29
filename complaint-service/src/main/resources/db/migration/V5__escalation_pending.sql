-- The deadline watch marks a breach and, in the same transaction, that the complaint must go one level
-- up; it asks standards-service for the unit above only after that transaction has committed (no remote
-- call inside a transaction) and clears the mark when it escalates. A crash in between leaves the mark
-- for the next pass: every breach escalates exactly once.
ALTER TABLE complaint
    ADD COLUMN escalation_pending boolean NOT NULL DEFAULT false;
CREATE INDEX complaint_escalation_pending ON complaint (id) WHERE escalation_pending;
