-- Why another system requested an inspection (the closed loop's spot checks, a certification's
-- review): requester, reference, reason and figures, written once at create and never changed.
ALTER TABLE inspection ADD COLUMN origin jsonb;
