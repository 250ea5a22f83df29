package org.sqm.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.error.DomainException;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionOrigin;
import org.sqm.proto.scoring.v1.CertificationAction;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.domain.CertificationEntity;

/**
 * Plans the on-site assessment of a certification's next review in inspection-service, after the
 * decision that granted, reviewed or renewed it has committed (and again from the watch while it
 * could not): one request id per certification and due time, so asking again never makes a second
 * inspection. Its window runs from review_window_days before the due time (or from now, when that
 * has passed) to the due time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class ReviewPlanning {

    /** Who asks, on the planned inspection's origin. */
    static final String REQUESTED_BY = "scoring-service/certifications";

    private static final Logger LOG = Logger.getLogger(ReviewPlanning.class);
    private static final Set<CertificationAction> PLANNING = EnumSet.of(
            CertificationAction.CERTIFICATION_ACTION_GRANTED,
            CertificationAction.CERTIFICATION_ACTION_REVIEW_PASSED,
            CertificationAction.CERTIFICATION_ACTION_RENEWED);

    private final CertificationLedger ledger;
    private final InspectionRequests inspections;
    private final CertificationCalendar calendar;
    private final Clock clock;

    public ReviewPlanning(
            CertificationLedger ledger, InspectionRequests inspections, CertificationCalendar calendar, Clock clock) {
        this.ledger = ledger;
        this.inspections = inspections;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * After the commit: the decision's transaction is over, so the remote call may be made. It is still
     * bound to the thread while its synchronizations run, so it is set aside for the planning.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    void afterDecision(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccreditationDecided event) {
        if (event.certificationId() != null && PLANNING.contains(event.action())) {
            plan(event.certificationId());
        }
    }

    /**
     * Plans the certification's next review unless it has its inspection already; returns the planned
     * inspection's id, or empty when inspection-service could not be reached (the watch tries again).
     */
    public Optional<UUID> plan(UUID certificationId) {
        Optional<CertificationEntity> read = ledger.find(certificationId);
        if (read.isEmpty() || !read.get().status.live()) {
            return Optional.empty();
        }
        CertificationEntity c = read.get();
        if (c.plannedInspectionId != null) {
            return Optional.of(c.plannedInspectionId);
        }
        UUID inspectionId;
        try {
            inspectionId = UUID.fromString(inspections.request(request(c)));
        } catch (RemoteCallException e) {
            LOG.warnf("The next review of certification %s is not planned yet: %s", c.id, e.getMessage());
            return Optional.empty();
        }
        try {
            ledger.planned(c.id, c.nextReviewDueTime, inspectionId);
        } catch (DomainException | PersistenceException e) {
            LOG.warnf("Certification %s changed while its review was planned; the watch looks again", c.id);
        }
        return Optional.of(inspectionId);
    }

    /** The request for the inspection of the certification's next review. */
    CreateInspectionRequest request(CertificationEntity c) {
        Instant now = Clocks.now(clock);
        Instant start = calendar.plusDays(c.nextReviewDueTime, -c.reviewWindowDays);
        if (start.isBefore(now)) {
            start = now;
        }
        // A review planned after its due time (inspection-service was down for long) still gets a window.
        Instant end =
                c.nextReviewDueTime.isAfter(start) ? c.nextReviewDueTime : calendar.plusDays(start, c.reviewWindowDays);
        String reason = (c.nextReviewIsReassessment ? "reassessment at the end of the cycle" : calendar.nextReview(c))
                + " of certification " + c.id + " (" + c.rulesCode + "), due "
                + calendar.date(c.nextReviewDueTime);
        return CreateInspectionRequest.newBuilder()
                .setRequestId(requestId(c))
                .setInspection(Inspection.newBuilder()
                        .setUnitId(c.unitId.toString())
                        .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                        .setAuthorityLevel(ProtoEnums.fromShortName(c.assessmentAuthority, AuthorityLevel.class))
                        .setStandardCode(c.standardCode)
                        .setWindowStart(ProtoTime.timestamp(start))
                        .setWindowEnd(ProtoTime.timestamp(end))
                        .setOrigin(InspectionOrigin.newBuilder()
                                .setRequestedBy(REQUESTED_BY)
                                .setReference(c.id.toString())
                                .setReason(reason)))
                .build();
    }

    /** One inspection per certification and review: the review is named by its due time. */
    static String requestId(CertificationEntity c) {
        return "certification:" + c.id + ":review:" + c.nextReviewDueTime;
    }
}
