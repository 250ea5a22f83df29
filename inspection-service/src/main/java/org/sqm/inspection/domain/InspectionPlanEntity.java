package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An inspection plan: what kind of inspection of which units against which standard, how often. */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlanEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public InspectionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "authority_level", nullable = false, length = 20)
    public AuthorityLevel authorityLevel;

    @Column(name = "standard_code", nullable = false, length = 64)
    public String standardCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_unit_ids", nullable = false)
    public List<UUID> targetUnitIds;

    @Column(name = "target_parent_id")
    public UUID targetParentId;

    /** A unit type name as standards-service spells it, e.g. SERVICE_HALL. */
    @Column(name = "target_unit_type", length = 40)
    public String targetUnitType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Cadence cadence;

    /** Days as "YYYY-MM-DD", sorted. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "explicit_dates", nullable = false)
    public List<String> explicitDates;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    /** How many target units each occurrence samples; 0 inspects them all. */
    @Column(name = "sample_size", nullable = false)
    public int sampleSize;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(length = 64)
    public String fingerprint;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Version
    public long version;
}
