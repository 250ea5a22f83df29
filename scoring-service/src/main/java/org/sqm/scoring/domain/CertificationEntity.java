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

/**
 * A unit's certification under one code of accreditation rules, with the cycle figures of the rules
 * its latest decision used (validity, review interval, window, grace days, assessment authority).
 */
@Entity
@Table(name = "certification")
public class CertificationEntity {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "rules_code", nullable = false, length = 64)
    public String rulesCode;

    @Column(name = "rules_id", nullable = false)
    public UUID rulesId;

    @Column(name = "standard_code", nullable = false, length = 64)
    public String standardCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CertificationStatus status;

    @Column(name = "grant_time", nullable = false)
    public Instant grantTime;

    /** The start of the current cycle: the grant time, then the end of the cycle each renewal followed. */
    @Column(name = "cycle_start", nullable = false)
    public Instant cycleStart;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Column(name = "next_review_due_time", nullable = false)
    public Instant nextReviewDueTime;

    /** Which review of the cycle is next, from 1; the reassessment follows the last annual review. */
    @Column(name = "next_review_number", nullable = false)
    public int nextReviewNumber;

    @Column(name = "next_review_is_reassessment", nullable = false)
    public boolean nextReviewIsReassessment;

    @Column(name = "planned_inspection_id")
    public UUID plannedInspectionId;

    @Column(name = "latest_decision_id", nullable = false)
    public UUID latestDecisionId;

    @Column(name = "action_plan_order_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] actionPlanOrderIds;

    @Column(name = "action_plan_due_time")
    public Instant actionPlanDueTime;

    @Column(name = "validity_months", nullable = false)
    public int validityMonths;

    @Column(name = "review_interval_months", nullable = false)
    public int reviewIntervalMonths;

    @Column(name = "review_window_days", nullable = false)
    public int reviewWindowDays;

    @Column(name = "review_grace_days", nullable = false)
    public int reviewGraceDays;

    /** The short name of inspection-service's authority level, e.g. {@code NATIONAL}. */
    @Column(name = "assessment_authority", nullable = false, length = 40)
    public String assessmentAuthority;

    /** The row version behind the etag. */
    @Version
    public long revision;
}
