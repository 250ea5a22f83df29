package org.sqm.gateway.rest.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.gateway.rest.complaints.ComplaintMapping;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardAccreditation;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardComplaint;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardComplaints;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardDeadline;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardInspections;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardRectificationOrders;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardSupervisionOrders;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.inspections.InspectionMapping;
import org.sqm.gateway.rest.inspections.SupervisionMapping;
import org.sqm.gateway.rest.scoring.AccreditationMapping;
import org.sqm.gateway.rest.scoring.CertificationMapping;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationStatus;

/** Turns the lists the services answered into the dashboard's parts, counted against one instant. */
final class DashboardAssembly {

    /** The most complaints a dashboard lists; the counts cover them all. */
    static final int MAX_COMPLAINTS = 50;

    private DashboardAssembly() {}

    /** The open complaints: overdue ones first, then by the nearest unmet due time. */
    static DashboardComplaints complaints(List<Complaint> open, Instant asOf) {
        List<Complaint> ordered = open.stream()
                .sorted(Comparator.comparing((Complaint c) -> !overdue(c, asOf))
                        .thenComparing(c -> nextDue(c).orElse(Instant.MAX))
                        .thenComparing(Complaint::getId))
                .toList();
        int overdue = (int) open.stream().filter(c -> overdue(c, asOf)).count();
        return new DashboardComplaints(
                open.size(),
                overdue,
                ordered.stream()
                        .limit(MAX_COMPLAINTS)
                        .map(c -> new DashboardComplaint(
                                ComplaintMapping.view(c),
                                c.getDeadlinesList().stream()
                                        .map(d -> deadline(c, d, asOf))
                                        .toList(),
                                overdue(c, asOf)))
                        .toList());
    }

    private static DashboardDeadline deadline(Complaint c, Deadline d, Instant asOf) {
        Long secondsLeft = d.hasMetTime() || !d.hasDueTime()
                ? null
                : ProtoTime.instant(d.getDueTime()).getEpochSecond() - asOf.getEpochSecond();
        return new DashboardDeadline(
                ProtoEnums.shortName(d.getKind()),
                Times.textOrNull(d.hasDueTime(), d.getDueTime()),
                Times.textOrNull(d.hasMetTime(), d.getMetTime()),
                d.getBreached(),
                paused(c, d),
                secondsLeft);
    }

    /** Waiting on the customer stops the resolution clock, and only that one. */
    private static boolean paused(Complaint c, Deadline d) {
        return !d.hasMetTime()
                && d.getKind() == DeadlineKind.DEADLINE_KIND_RESOLVE
                && c.getStatus() == ComplaintStatus.COMPLAINT_STATUS_WAITING_ON_CUSTOMER;
    }

    /** A deadline not met that the watch marked breached, or whose running clock has passed its due time. */
    static boolean overdue(Complaint c, Instant asOf) {
        return c.getDeadlinesList().stream()
                .filter(d -> !d.hasMetTime())
                .anyMatch(d -> d.getBreached()
                        || (!paused(c, d)
                                && d.hasDueTime()
                                && ProtoTime.instant(d.getDueTime()).isBefore(asOf)));
    }

    private static Optional<Instant> nextDue(Complaint c) {
        return c.getDeadlinesList().stream()
                .filter(d -> !d.hasMetTime() && d.hasDueTime())
                .map(d -> ProtoTime.instant(d.getDueTime()))
                .min(Comparator.naturalOrder());
    }

    /** Inspections neither finalized nor cancelled: overdue once their window ended or they were missed. */
    static DashboardInspections inspections(List<Inspection> open, Instant asOf) {
        Comparator<Inspection> byWindow = Comparator.comparing((Inspection i) -> ProtoTime.instant(i.getWindowStart()))
                .thenComparing(Inspection::getId);
        return new DashboardInspections(
                open.stream()
                        .filter(i -> !overdue(i, asOf))
                        .sorted(byWindow)
                        .map(InspectionMapping::view)
                        .toList(),
                open.stream()
                        .filter(i -> overdue(i, asOf))
                        .sorted(byWindow)
                        .map(InspectionMapping::view)
                        .toList());
    }

    private static boolean overdue(Inspection i, Instant asOf) {
        return i.getMissed()
                || (i.hasWindowEnd() && ProtoTime.instant(i.getWindowEnd()).isBefore(asOf));
    }

    /** Rectification orders not yet done: overdue when the watch said so or their due time passed. */
    static DashboardRectificationOrders rectificationOrders(List<RectificationOrder> open, Instant asOf) {
        Comparator<RectificationOrder> byDue = Comparator.comparing(
                        (RectificationOrder o) -> ProtoTime.instant(o.getDueTime()))
                .thenComparing(RectificationOrder::getId);
        return new DashboardRectificationOrders(
                open.stream()
                        .filter(o -> !overdue(o.getOverdue(), o.hasDueTime(), o.getDueTime(), asOf))
                        .sorted(byDue)
                        .map(InspectionMapping::view)
                        .toList(),
                open.stream()
                        .filter(o -> overdue(o.getOverdue(), o.hasDueTime(), o.getDueTime(), asOf))
                        .sorted(byDue)
                        .map(InspectionMapping::view)
                        .toList());
    }

    /** Supervision orders not yet done: overdue when the watch said so or their due time passed. */
    static DashboardSupervisionOrders supervisionOrders(List<SupervisionOrder> open, Instant asOf) {
        Comparator<SupervisionOrder> byDue = Comparator.comparing(
                        (SupervisionOrder o) -> ProtoTime.instant(o.getDueTime()))
                .thenComparing(SupervisionOrder::getId);
        return new DashboardSupervisionOrders(
                open.stream()
                        .filter(o -> !overdue(o.getOverdue(), o.hasDueTime(), o.getDueTime(), asOf))
                        .sorted(byDue)
                        .map(SupervisionMapping::view)
                        .toList(),
                open.stream()
                        .filter(o -> overdue(o.getOverdue(), o.hasDueTime(), o.getDueTime(), asOf))
                        .sorted(byDue)
                        .map(SupervisionMapping::view)
                        .toList());
    }

    private static boolean overdue(boolean flagged, boolean hasDue, com.google.protobuf.Timestamp due, Instant asOf) {
        return flagged || (hasDue && ProtoTime.instant(due).isBefore(asOf));
    }

    /**
     * The unit's certification that matters now (active, else suspended, else lapsed; the latest granted
     * among equals) and its newest decision.
     */
    static DashboardAccreditation accreditation(
            List<Certification> certifications, Optional<AccreditationDecision> latest) {
        Optional<Certification> current = certifications.stream()
                .min(Comparator.comparing((Certification c) -> rank(c.getStatus()))
                        .thenComparing(
                                (Certification c) -> ProtoTime.instant(c.getGrantTime()), Comparator.reverseOrder()));
        return new DashboardAccreditation(
                current.map(CertificationMapping::listed).orElse(null),
                latest.map(AccreditationMapping::view).orElse(null));
    }

    private static int rank(CertificationStatus status) {
        return switch (status) {
            case CERTIFICATION_STATUS_ACTIVE -> 0;
            case CERTIFICATION_STATUS_SUSPENDED -> 1;
            default -> 2;
        };
    }
}
