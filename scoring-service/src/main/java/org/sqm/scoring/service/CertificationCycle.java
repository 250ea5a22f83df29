package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.persistence.UniqueViolation;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.CertificationAction;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.domain.CertificationChange;
import org.sqm.scoring.domain.CertificationEntity;
import org.sqm.scoring.domain.CertificationEventEntity;
import org.sqm.scoring.domain.CertificationStatus;
import org.sqm.scoring.repository.CertificationEventRepository;
import org.sqm.scoring.repository.CertificationRepository;
import org.sqm.scoring.service.AccreditationDecided.Facts;

/**
 * What an accreditation decision does to the unit's certification, in the decision's own transaction:
 * a positive decision grants one when the unit holds none, passes the next review or renews at the
 * reassessment; a negative one fails the review or the reassessment (suspended). The next review is
 * planned after the commit ({@link ReviewPlanning}).
 */
@ApplicationScoped
@Transactional
public class CertificationCycle {

    private final CertificationRepository certifications;
    private final CertificationEventRepository events;
    private final CertificationLedger ledger;
    private final CertificationCalendar calendar;
    private final Clock clock;

    public CertificationCycle(
            CertificationRepository certifications,
            CertificationEventRepository events,
            CertificationLedger ledger,
            CertificationCalendar calendar,
            Clock clock) {
        this.certifications = certifications;
        this.events = events;
        this.ledger = ledger;
        this.calendar = calendar;
        this.clock = clock;
    }

    void decided(@Observes AccreditationDecided event) {
        Facts f = event.facts();
        Optional<CertificationEventEntity> earlier = events.byDecision(f.decisionId());
        if (earlier.isPresent()) {
            // The same decision again changes nothing; it answers with what it did the first time.
            event.certified(earlier.get().key.certificationId, action(earlier.get().action));
            return;
        }
        boolean positive = f.outcome() == AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED
                || f.outcome() == AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN;
        Optional<CertificationEntity> live = certifications.live(f.unitId(), f.rulesCode());
        if (live.isEmpty()) {
            if (positive) {
                event.certified(grant(f), CertificationAction.CERTIFICATION_ACTION_GRANTED);
            }
            return;
        }
        CertificationEntity c = live.get();
        CertificationChange change = c.nextReviewIsReassessment
                ? (positive ? CertificationChange.RENEW : CertificationChange.REASSESSMENT_FAILED)
                : (positive ? CertificationChange.REVIEW_PASSED : CertificationChange.REVIEW_FAILED);
        apply(c, f, change);
        try {
            certifications.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentModificationException("certification", c.id.toString());
        }
        event.certified(c.id, action(change));
    }

    private UUID grant(Facts f) {
        Instant at = f.decideTime().truncatedTo(ChronoUnit.MICROS);
        CertificationEntity c = new CertificationEntity();
        c.id = UUID.randomUUID();
        c.unitId = f.unitId();
        c.rulesCode = f.rulesCode();
        c.grantTime = at;
        c.cycleStart = at;
        adopt(c, f);
        c.validUntil = calendar.plusMonths(at, c.validityMonths);
        calendar.scheduleReview(c, 1);
        c.status = CertificationStatus.ACTIVE;
        try {
            certifications.persistAndFlush(c);
        } catch (PersistenceException e) {
            if (UniqueViolation.constraintOf(e)
                    .filter("uk_certification_live"::equals)
                    .isPresent()) {
                // A decision on the same unit and rules racing this one granted first; this one retries.
                throw new ConcurrentModificationException("certification", f.unitId() + "/" + f.rulesCode());
            }
            throw e;
        }
        ledger.record(
                c,
                CertificationChange.GRANT,
                CertificationStatus.ACTIVE,
                "granted: " + outcome(f) + "; valid until " + calendar.date(c.validUntil) + ", "
                        + calendar.nextReview(c) + " due " + calendar.date(c.nextReviewDueTime) + actionPlan(f),
                f.actor(),
                f.decisionId(),
                now());
        return c.id;
    }

    private void apply(CertificationEntity c, Facts f, CertificationChange change) {
        CertificationStatus from = c.status;
        String review = calendar.nextReview(c) + " due " + calendar.date(c.nextReviewDueTime);
        adopt(c, f);
        String reason;
        CertificationStatus to;
        switch (change) {
            case REVIEW_PASSED -> {
                calendar.scheduleReview(c, c.nextReviewNumber + 1);
                c.plannedInspectionId = null;
                to = CertificationStatus.ACTIVE;
                reason = review + " passed: " + outcome(f)
                        + (from == CertificationStatus.SUSPENDED ? "; reinstated from its suspension" : "")
                        + "; next " + calendar.nextReview(c) + " due " + calendar.date(c.nextReviewDueTime);
            }
            case RENEW -> {
                c.cycleStart = c.validUntil;
                c.validUntil = calendar.plusMonths(c.validUntil, c.validityMonths);
                calendar.scheduleReview(c, 1);
                c.plannedInspectionId = null;
                to = CertificationStatus.ACTIVE;
                reason = "renewed: " + review + " passed: " + outcome(f)
                        + (from == CertificationStatus.SUSPENDED ? "; reinstated from its suspension" : "")
                        + "; valid until " + calendar.date(c.validUntil) + ", " + calendar.nextReview(c) + " due "
                        + calendar.date(c.nextReviewDueTime);
            }
            case REVIEW_FAILED -> {
                to = CertificationStatus.SUSPENDED;
                reason = review + " failed: " + outcome(f) + "; suspended until a positive decision";
            }
            default -> {
                to = CertificationStatus.SUSPENDED;
                reason = review + " failed: " + outcome(f) + "; suspended, it lapses on " + calendar.date(c.validUntil)
                        + " unless a positive decision renews it first";
            }
        }
        ledger.record(c, change, to, reason + actionPlan(f), f.actor(), f.decisionId(), now());
    }

    /** Takes the decision's rules, their cycle figures and its action plan. */
    private static void adopt(CertificationEntity c, Facts f) {
        c.rulesId = f.rulesId();
        c.standardCode = f.standardCode();
        c.latestDecisionId = f.decisionId();
        c.validityMonths = f.validityMonths();
        c.reviewIntervalMonths = f.reviewIntervalMonths();
        c.reviewWindowDays = f.reviewWindowDays();
        c.reviewGraceDays = f.reviewGraceDays();
        c.assessmentAuthority = ProtoEnums.shortName(f.assessmentAuthority());
        c.actionPlanOrderIds = f.actionPlanOrderIds() == null
                ? new UUID[0]
                : f.actionPlanOrderIds().toArray(UUID[]::new);
        c.actionPlanDueTime = c.actionPlanOrderIds.length == 0 ? null : f.actionPlanDueTime();
    }

    private static String outcome(Facts f) {
        String outcome = ProtoEnums.shortName(f.outcome());
        return "decision " + f.decisionId() + " "
                + (outcome == null
                        ? "without an outcome"
                        : outcome.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    private String actionPlan(Facts f) {
        if (f.actionPlanOrderIds() == null || f.actionPlanOrderIds().isEmpty()) {
            return "";
        }
        return "; action plan of " + f.actionPlanOrderIds().size() + " rectification order"
                + (f.actionPlanOrderIds().size() == 1 ? "" : "s")
                + (f.actionPlanDueTime() == null ? "" : " due " + f.actionPlanDueTime());
    }

    static CertificationAction action(CertificationChange change) {
        return switch (change) {
            case GRANT -> CertificationAction.CERTIFICATION_ACTION_GRANTED;
            case REVIEW_PASSED -> CertificationAction.CERTIFICATION_ACTION_REVIEW_PASSED;
            case REVIEW_FAILED -> CertificationAction.CERTIFICATION_ACTION_REVIEW_FAILED;
            case RENEW -> CertificationAction.CERTIFICATION_ACTION_RENEWED;
            case REASSESSMENT_FAILED -> CertificationAction.CERTIFICATION_ACTION_REASSESSMENT_FAILED;
            default -> CertificationAction.CERTIFICATION_ACTION_UNSPECIFIED;
        };
    }

    private Instant now() {
        return Clocks.now(clock);
    }
}
