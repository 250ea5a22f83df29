package org.sqm.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A customer complaint. */
@Entity
@Table(name = "complaint")
public class ComplaintEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 32)
    public String reference;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    public ComplaintChannel channel;

    @Column(nullable = false)
    public String description;

    @Column(name = "receive_time", nullable = false)
    public Instant receiveTime;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Version
    public long version;
}
