-- The customer segment of a complaint (null: not known, as for every complaint recorded before) and
-- first-contact resolution: set when a complaint is resolved in the contact in which it was received,
-- cleared when it is reopened. Existing complaints keep working: no segment, not resolved at first contact.
ALTER TABLE complaint
    ADD COLUMN customer_segment         varchar(20)
        CHECK (customer_segment IN ('MOBILE', 'HOME', 'BUSINESS', 'VIP', 'BROADBAND')),
    ADD COLUMN first_contact_resolution boolean NOT NULL DEFAULT false;
