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

/** A sampled indicator: what is counted, which way is better, and the type of unit it is measured for. */
@Entity
@Table(name = "indicator")
public class IndicatorEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 1000)
    public String counted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public IndicatorKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public IndicatorDirection direction;

    /** The short name of standards-service's unit type (FIELD_TEAM); null: units of any type. */
    @Column(name = "unit_type", length = 40)
    public String unitType;

    @Column(name = "request_id", length = 100)
    public String requestId;

    /** A digest of what was asked for, so a request id reused for another indicator is refused. */
    @Column(name = "request_hash", length = 64)
    public String requestHash;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Version
    public long version;
}
