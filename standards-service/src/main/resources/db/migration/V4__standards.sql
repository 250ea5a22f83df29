-- Versioned service standards. The tree (criteria, sub-criteria, elements) and the rating scale are
-- one JSON document per version: always read and written whole, frozen on publication.
CREATE TABLE standard (
    id              uuid PRIMARY KEY,
    code            varchar(64) COLLATE "C" NOT NULL,
    version_number  integer NOT NULL CHECK (version_number >= 1),
    title           varchar(300) NOT NULL,
    description     text,
    status          varchar(20) NOT NULL,
    effective_from  date,
    effective_until date,
    unit_types      jsonb NOT NULL,
    channels        jsonb NOT NULL,
    content         jsonb NOT NULL,
    request_id      varchar(100),
    create_time     timestamptz NOT NULL,
    update_time     timestamptz NOT NULL,
    publish_time    timestamptz,
    retire_time     timestamptz,
    revision        bigint NOT NULL DEFAULT 0,
    CONSTRAINT uk_standard_code_version UNIQUE (code, version_number),
    CONSTRAINT uk_standard_request_id UNIQUE (request_id)
);

-- At most one draft per standard.
CREATE UNIQUE INDEX uk_standard_one_draft ON standard (code) WHERE status = 'DRAFT';

-- A published or retired version never changes; only the move from published to retired is allowed.
CREATE FUNCTION standard_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'DRAFT' AND (
           NEW.code IS DISTINCT FROM OLD.code
        OR NEW.version_number IS DISTINCT FROM OLD.version_number
        OR NEW.title IS DISTINCT FROM OLD.title
        OR NEW.description IS DISTINCT FROM OLD.description
        OR NEW.effective_from IS DISTINCT FROM OLD.effective_from
        OR NEW.effective_until IS DISTINCT FROM OLD.effective_until
        OR NEW.unit_types IS DISTINCT FROM OLD.unit_types
        OR NEW.channels IS DISTINCT FROM OLD.channels
        OR NEW.content IS DISTINCT FROM OLD.content
        OR NEW.publish_time IS DISTINCT FROM OLD.publish_time
        OR NOT (NEW.status = OLD.status OR (OLD.status = 'PUBLISHED' AND NEW.status = 'RETIRED'))) THEN
        RAISE EXCEPTION 'standard % version % is % and cannot change', OLD.code, OLD.version_number, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER standard_frozen BEFORE UPDATE ON standard FOR EACH ROW EXECUTE FUNCTION standard_frozen();

CREATE FUNCTION standard_undeletable() RETURNS trigger AS $$
BEGIN
    IF OLD.status <> 'DRAFT' THEN
        RAISE EXCEPTION 'standard % version % is % and cannot be deleted', OLD.code, OLD.version_number, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER standard_undeletable BEFORE DELETE ON standard FOR EACH ROW EXECUTE FUNCTION standard_undeletable();
