-- The subject ("sub" claim) of an inspector's bearer tokens: an inspector's token works only on the
-- inspections assigned to the inspector holding its subject (issue 17). Optional, unique when set.
ALTER TABLE inspector ADD COLUMN subject varchar(200);
ALTER TABLE inspector ADD CONSTRAINT uk_inspector_subject UNIQUE (subject);
