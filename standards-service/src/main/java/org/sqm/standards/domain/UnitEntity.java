package org.sqm.standards.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An organisation unit: the thing that delivers service and gets inspected, complained about and scored. */
@Entity
@Table(name = "unit")
public class UnitEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public UnitType type;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public UnitState state;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    /** The unit's own calendar; null means its nearest ancestor's. */
    @Column(name = "calendar_id")
    public UUID calendarId;

    @Version
    public long version;
}
