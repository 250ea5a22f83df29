-- A unit works on a business calendar, its own or (when null) its nearest ancestor's.
ALTER TABLE unit ADD COLUMN calendar_id uuid REFERENCES calendar (id);
