package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** One version of accreditation rules; a version never changes (also by a database trigger). */
@Entity
@Immutable
@Table(name = "accreditation_rules")
public class AccreditationRulesEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "standard_code", nullable = false, length = 64)
    public String standardCode;

    /** The proto JSON of a {@code sqm.scoring.v1.AccreditationRules} without id, code, version, name and time. */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String definition;

    @Column(name = "request_id", length = 100)
    public String requestId;

    /** A digest of what was asked for, so a request id reused for other rules is refused. */
    @Column(name = "request_hash", length = 64)
    public String requestHash;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;
}
