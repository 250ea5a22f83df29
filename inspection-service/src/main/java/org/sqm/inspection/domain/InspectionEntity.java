package org.sqm.inspection.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An inspection of one unit against one pinned standard version. Updates write only changed columns,
 * so the watch's missed flag (set by SQL without touching the version) is never overwritten.
 */
@Entity
@Table(name = "inspection")
@DynamicUpdate
public class InspectionEntity {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public InspectionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "authority_level", nullable = false, length = 20)
    public AuthorityLevel authorityLevel;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "standard_id", nullable = false)
    public UUID standardId;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public InspectionStatus status;

    @Column(nullable = false)
    public boolean missed;

    /** Loaded for up to 500 inspections of a list in one statement, not one per inspection. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 500)
    @CollectionTable(name = "inspection_inspector", joinColumns = @JoinColumn(name = "inspection_id"))
    @Column(name = "inspector_id", nullable = false)
    public Set<UUID> inspectorIds = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "contact_mode", length = 10)
    public ContactMode contactMode;

    @Column(name = "contact_time")
    public Instant contactTime;

    @Column(name = "contact_scenario", length = 2000)
    public String contactScenario;

    @Column(name = "status_note", length = 2000)
    public String statusNote;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Column(name = "start_time")
    public Instant startTime;

    @Column(name = "submit_time")
    public Instant submitTime;

    @Column(name = "finalize_time")
    public Instant finalizeTime;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    /** The score stored at finalization (the card's score, here for SQL); null before, or when nothing counted. */
    @Column(precision = 5, scale = 2)
    public BigDecimal score;

    /** Whether a critical element failed; null until finalized. */
    public Boolean failed;

    /** The whole score with its criteria and failed elements; null until finalized. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "score_card")
    public ScoreCard scoreCard;

    /** Why another system requested it; null when nobody did. Written at create only. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public InspectionOrigin origin;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(length = 64)
    public String fingerprint;

    @Version
    public long version;
}
