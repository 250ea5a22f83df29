package org.sqm.standards.domain;

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

/** One version of a service standard. Published and retired versions are frozen (also by a database trigger). */
@Entity
@Table(name = "standard")
public class StandardEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(nullable = false, length = 300)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public StandardStatus status;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_until")
    public LocalDate effectiveUntil;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "unit_types", nullable = false)
    public List<UnitType> unitTypes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ServiceChannel> channels;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public StandardContent content;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    @Column(name = "publish_time")
    public Instant publishTime;

    @Column(name = "retire_time")
    public Instant retireTime;

    /** The row version behind the etag (the standard's own version is {@link #versionNumber}). */
    @Version
    public long revision;
}
