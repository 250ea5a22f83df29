package org.sqm.gateway.rest.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.complaints.ComplaintViews.ComplaintView;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectionView;
import org.sqm.gateway.rest.inspections.InspectionViews.OrderView;
import org.sqm.gateway.rest.inspections.InspectionViews.SupervisionOrderView;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationDecisionView;
import org.sqm.gateway.rest.scoring.CertificationViews.CertificationView;
import org.sqm.gateway.rest.scoring.ScorecardViews.ScorecardView;
import org.sqm.gateway.rest.scoring.ScorecardViews.TrendView;
import org.sqm.gateway.rest.standards.UnitViews.UnitView;

/** The JSON of a unit's dashboard: one screen's worth of the four services, each part as its own resource reads. */
public final class DashboardViews {

    private DashboardViews() {}

    /** The parts of a dashboard, by their field names: a warning or an omission names one of these. */
    public static final List<String> PARTS = List.of(
            "unit",
            "path",
            "trend",
            "scorecard",
            "complaints",
            "inspections",
            "rectificationOrders",
            "supervisionOrders",
            "accreditation");

    /**
     * A unit's dashboard. A part that failed is left out and named in {@code warnings} ({@code partial}
     * is then true); a part the caller's role may not read is left out and named in {@code omitted}.
     */
    @Schema(
            name = "UnitDashboard",
            description = "One screen of a unit: every part is read from its service at once, each within "
                    + "its own deadline. A part that failed (its service down, slow or refusing) is left out, "
                    + "named in warnings, and partial is true: the answer is still 200. A part the caller's role "
                    + "may not read is left out by design and named in omitted. Absent parts are left out, never null.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitDashboard(
            @Schema(format = "date-time", description = "The gateway's clock when it answered; secondsLeft count to it")
                    String asOf,
            @Schema(examples = "2026-03", description = "The trend's last month") String period,
            @Schema(description = "As GET /api/v1/units/{id}") UnitView unit,
            @Schema(description = "Root first, ending with the unit") List<UnitView> path,
            @Schema(description = "12 months ending at period") TrendView trend,
            @Schema(description = "The scorecard of the trend's latest point that has one") ScorecardView scorecard,
            DashboardComplaints complaints,
            DashboardInspections inspections,
            DashboardRectificationOrders rectificationOrders,
            DashboardSupervisionOrders supervisionOrders,
            DashboardAccreditation accreditation,
            @Schema(description = "True when any part failed; its warning says which and why") boolean partial,
            List<DashboardWarning> warnings,
            @Schema(
                            description = "Parts the caller's role may not read (by the proto access rules): "
                                    + "left out by design, not a failure",
                            enumeration = {
                                "unit",
                                "path",
                                "trend",
                                "scorecard",
                                "complaints",
                                "inspections",
                                "rectificationOrders",
                                "supervisionOrders",
                                "accreditation"
                            })
                    List<String> omitted) {}

    /**
     * The unit's open complaints.
     *
     * @param openCount    every open complaint (received, acknowledged, investigating, waiting on the customer)
     * @param overdueCount of those, the ones with a deadline passed and not met
     * @param items        overdue ones first, then by nearest due time; at most 50
     */
    @Schema(name = "DashboardComplaints")
    public record DashboardComplaints(int openCount, int overdueCount, List<DashboardComplaint> items) {}

    /**
     * An open complaint with its deadlines counted to {@code asOf}.
     *
     * @param complaint the complaint in its list form (no personal data)
     * @param overdue   whether a deadline of it has passed unmet
     */
    @Schema(name = "DashboardComplaint")
    public record DashboardComplaint(ComplaintView complaint, List<DashboardDeadline> deadlines, boolean overdue) {}

    /**
     * A deadline of a complaint.
     *
     * @param kind        ACKNOWLEDGE, FIRST_RESPONSE, RESOLVE or CALL_BACK
     * @param dueTime     when it falls due
     * @param metTime     when it was met; absent while open
     * @param breached    whether it was missed
     * @param paused      whether its clock stands still (the resolution clock while waiting on the customer)
     * @param secondsLeft dueTime - asOf in seconds, negative when overdue; absent when met
     */
    @Schema(name = "DashboardDeadline")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DashboardDeadline(
            String kind,
            @Schema(format = "date-time") String dueTime,
            @Schema(format = "date-time") String metTime,
            boolean breached,
            boolean paused,
            Long secondsLeft) {}

    /**
     * The unit's inspections that are neither finalized nor cancelled.
     *
     * @param upcoming those whose window has not ended, by window start
     * @param overdue  those whose window ended (or that were marked missed), oldest window first
     */
    @Schema(name = "DashboardInspections")
    public record DashboardInspections(List<InspectionView> upcoming, List<InspectionView> overdue) {}

    /**
     * The unit's rectification orders not yet done.
     *
     * @param open    those not overdue, by due time
     * @param overdue those past their due time, by due time
     */
    @Schema(name = "DashboardRectificationOrders")
    public record DashboardRectificationOrders(List<OrderView> open, List<OrderView> overdue) {}

    /**
     * The unit's supervision orders not yet done.
     *
     * @param open    those not overdue, by due time
     * @param overdue those past their due time, by due time
     */
    @Schema(name = "DashboardSupervisionOrders")
    public record DashboardSupervisionOrders(List<SupervisionOrderView> open, List<SupervisionOrderView> overdue) {}

    /**
     * The unit's accreditation.
     *
     * @param certification  its current certification: active first, then suspended, then lapsed; absent without one
     * @param latestDecision the newest accreditation decision on it; absent without one
     */
    @Schema(name = "DashboardAccreditation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DashboardAccreditation(CertificationView certification, AccreditationDecisionView latestDecision) {}

    /**
     * A part that failed.
     *
     * @param part    the part left out, one of the dashboard's field names
     * @param service the service that failed it, e.g. complaint-service
     * @param code    the gRPC code, e.g. UNAVAILABLE or DEADLINE_EXCEEDED
     * @param status  the HTTP status the gateway answers for that code on the part's own endpoint
     * @param message what happened, in words
     */
    @Schema(name = "DashboardWarning")
    public record DashboardWarning(String part, String service, String code, int status, String message) {}
}
