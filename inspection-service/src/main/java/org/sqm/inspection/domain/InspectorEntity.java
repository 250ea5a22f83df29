package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A certified inspector. */
@Entity
@Table(name = "inspector")
public class InspectorEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "certificate_number", nullable = false, length = 64)
    public String certificateNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "authority_level", nullable = false, length = 20)
    public AuthorityLevel authorityLevel;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Version
    public long version;
}
