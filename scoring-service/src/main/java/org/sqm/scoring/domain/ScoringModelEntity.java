package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One version of a scoring model. Published and retired versions are frozen (also by a database trigger). */
@Entity
@Table(name = "scoring_model")
public class ScoringModelEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 2000)
    public String description;

    /** The short name of standards-service's unit type, e.g. {@code SERVICE_HALL}. */
    @Column(name = "unit_type", nullable = false, length = 40)
    public String unitType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ScoringModelState state;

    /**
     * What the version scores on: the proto JSON of a {@code sqm.scoring.v1.ScoringModel} holding only
     * components, roll_up, missing_source_policy, deduction_rule_codes, deduction_cap_points, base_score
     * and grade_bands.
     */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String definition;

    @Column(name = "request_id", length = 100)
    public String requestId;

    /** A digest of what was asked for, so a request id reused for another model is refused. */
    @Column(name = "request_hash", length = 64)
    public String requestHash;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    @Column(name = "publish_time")
    public Instant publishTime;

    @Column(name = "retire_time")
    public Instant retireTime;

    /** The row version behind the etag (the model's own version is {@link #versionNumber}). */
    @Version
    public long revision;
}
