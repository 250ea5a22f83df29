-- What each inspector may inspect, and the pseudonym mystery shoppers appear under in reports.
ALTER TABLE inspector ADD COLUMN pseudonym varchar(64);
ALTER TABLE inspector ADD CONSTRAINT uk_inspector_pseudonym UNIQUE (pseudonym);

CREATE TABLE inspector_qualification (
    inspector_id uuid NOT NULL REFERENCES inspector (id),
    kind         varchar(30) NOT NULL,
    PRIMARY KEY (inspector_id, kind)
);
