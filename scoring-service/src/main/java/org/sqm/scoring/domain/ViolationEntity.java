package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A violation in the ledger, with the points its rule cost when it was recorded. Never changed nor
 * deleted (the database refuses both); a withdrawal is a fact of its own.
 */
@Entity
@Immutable
@Table(name = "violation")
public class ViolationEntity {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "rule_id", nullable = false)
    public UUID ruleId;

    @Column(name = "rule_code", nullable = false, length = 64)
    public String ruleCode;

    @Column(name = "points_millis", nullable = false)
    public int pointsMillis;

    @Column(name = "occurred_time", nullable = false)
    public Instant occurredTime;

    @Column(nullable = false, length = 2000)
    public String evidence;

    @Column(name = "reported_by", nullable = false, length = 200)
    public String reportedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ViolationSource source;

    /** What an automatic violation was recorded from (an order lapse's id); unique in the ledger. */
    @Column(name = "source_id", length = 200)
    public String sourceId;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "request_hash", length = 64)
    public String requestHash;

    @Column(name = "record_time", nullable = false)
    public Instant recordTime;
}
