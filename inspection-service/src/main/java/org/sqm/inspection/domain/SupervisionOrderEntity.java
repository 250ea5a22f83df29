package org.sqm.inspection.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A supervision order an authority issued directly to a unit. Report n is due at the issue time plus
 * n report intervals, as long as the order is not done. Updates write only changed columns, so the
 * watch's flags (set by SQL) are never overwritten.
 */
@Entity
@Table(name = "supervision_order")
@DynamicUpdate
public class SupervisionOrderEntity {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "authority_level", nullable = false, length = 20)
    public AuthorityLevel authorityLevel;

    @Column(nullable = false, length = 200)
    public String issuer;

    @Column(nullable = false)
    public boolean regulator;

    @Column(nullable = false, length = 4000)
    public String problem;

    @Column(name = "issue_time", nullable = false)
    public Instant issueTime;

    @Column(name = "due_time", nullable = false)
    public Instant dueTime;

    @Column(name = "report_interval_seconds", nullable = false)
    public long reportIntervalSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public SupervisionStatus status;

    @Column(length = 4000)
    public String cause;

    @Column(name = "cause_time")
    public Instant causeTime;

    @Column(name = "completion_note", length = 4000)
    public String completionNote;

    @Column(name = "done_time")
    public Instant doneTime;

    @Column(name = "reports_submitted", nullable = false)
    public int reportsSubmitted;

    @Column(name = "late_reports", nullable = false)
    public int lateReports;

    @Column(name = "next_report_due_time")
    public Instant nextReportDueTime;

    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "report_overdue", nullable = false)
    public boolean reportOverdue;

    @Column(name = "request_id", length = 100)
    public String requestId;

    @Column(length = 64)
    public String fingerprint;

    @Column(name = "update_time", nullable = false)
    public Instant updateTime;

    @Version
    public long version;

    /** When report {@code n} (from 1) is due. */
    public Instant reportDue(int n) {
        return issueTime.plus(Duration.ofSeconds(reportIntervalSeconds).multipliedBy(n));
    }

    /** How many reports fell due strictly before {@code until}: those with issue + n * interval < until. */
    public int reportsDueBefore(Instant until) {
        long elapsed = ChronoUnit.MICROS.between(issueTime, until);
        return elapsed <= 0 ? 0 : (int) ((elapsed - 1) / (reportIntervalSeconds * 1_000_000L));
    }

    /** The reports due (before now, or before completion) that were not submitted. */
    public int missingReports(Instant now) {
        return Math.max(0, reportsDueBefore(doneTime != null ? doneTime : now) - reportsSubmitted);
    }
}
