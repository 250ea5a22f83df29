package org.sqm.scoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A fixed deduction from a unit's score per violation of one kind. */
@Entity
@Table(name = "deduction_rule")
public class DeductionRuleEntity {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 500)
    public String description;

    /** Thousandths of a point, so sums of deductions stay exact. */
    @Column(name = "points_millis", nullable = false)
    public int pointsMillis;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(name = "create_time", nullable = false)
    public Instant createTime;

    @Version
    public long version;
}
