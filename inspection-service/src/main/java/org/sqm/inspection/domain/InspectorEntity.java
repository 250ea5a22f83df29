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
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspector_qualification", joinColumns = @JoinColumn(name = "inspector_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    public Set<InspectionKind> qualifiedKinds = new HashSet<>();

    /** The name a mystery shopper appears under in reports. */
    @Column(length = 64)
    public String pseudonym;

    /** The subject of the inspector's bearer tokens; null when the inspector has none. */
    @Column(length = 200)
    public String subject;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Version
    public long version;
}
