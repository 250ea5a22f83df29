package org.sqm.gateway.rest.inspections;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;

/** The JSON shapes of inspectors, plans, inspections, rectification and supervision orders in the REST API. */
public final class InspectionViews {

    private InspectionViews() {}

    /** A kind of inspection. */
    public enum Kind {
        MYSTERY_SHOPPING,
        ON_SITE_ASSESSMENT,
        DESK_REVIEW,
        SPOT_CHECK,
        SELF_INSPECTION,
        INTERNAL_AUDIT
    }

    /** The level of a certificate or of an inspecting authority; above UNIT an inspection is a regulator's. */
    public enum Authority {
        NATIONAL,
        PROVINCIAL,
        CITY,
        UNIT
    }

    /** How often a plan recurs. */
    public enum Cadence {
        DAILY,
        WEEKLY,
        MONTHLY,
        QUARTERLY,
        HALF_YEARLY,
        ANNUAL,
        EXPLICIT_DATES
    }

    /** How a mystery shopper made contact. */
    public enum ContactMode {
        VISIT,
        CALL
    }

    /** Whom an interview was with. */
    public enum IntervieweeGroup {
        CUSTOMER,
        STAFF,
        PARTNER
    }

    /** The body that registers an inspector. */
    @Schema(name = "NewInspector")
    public record InspectorBody(
            @Schema(required = true) String name,
            @Schema(required = true, examples = "PRV-2026-0042") String certificateNumber,
            @Schema(required = true) Authority authorityLevel,
            @Schema(required = true, format = "date-time") String validFrom,
            @Schema(required = true, format = "date-time") String validUntil,
            @Schema(required = true) List<Kind> qualifiedKinds,
            @Schema(description = "Required for mystery shoppers, who appear under it in reports") String pseudonym,
            @Schema(
                            description = "The subject (sub claim) of the inspector's bearer tokens: an inspector's "
                                    + "token works only on inspections assigned to the inspector with its subject; "
                                    + "unique; optional (without it the inspector cannot sign in)")
                    String subject) {}

    /** A certified inspector. */
    @Schema(name = "Inspector")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InspectorView(
            String id,
            String name,
            String certificateNumber,
            String authorityLevel,
            String validFrom,
            String validUntil,
            List<String> qualifiedKinds,
            String pseudonym,
            @Schema(description = "The subject of the inspector's bearer tokens; absent when none") String subject,
            String createTime) {}

    /** Which units a plan inspects: set unitIds, or parentUnitId with unitType. */
    @Schema(name = "PlanTargets")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetsBody(
            @Schema(description = "The listed target units") List<String> unitIds,
            @Schema(format = "uuid", description = "Every active unit of unitType below this unit") String parentUnitId,
            UnitType unitType) {}

    /** The body that creates a plan. */
    @Schema(name = "NewInspectionPlan")
    public record PlanBody(
            @Schema(required = true) String name,
            @Schema(required = true) Kind kind,
            @Schema(required = true) Authority authorityLevel,
            @Schema(required = true, examples = "CSE") String standardCode,
            @Schema(required = true) TargetsBody targets,
            @Schema(required = true) Cadence cadence,
            @Schema(description = "For EXPLICIT_DATES: the days, YYYY-MM-DD") List<String> explicitDates,
            @Schema(required = true, format = "date") String startDate,
            @Schema(required = true, format = "date") String endDate,
            @Schema(description = "IANA zone in which days count; UTC when absent", examples = "Asia/Shanghai")
                    String timeZone,
            @Schema(
                            description = "Spot checks: how many of the target units each occurrence samples (the same"
                                    + " ones for the same plan and period); absent or 0 inspects them all")
                    Integer sampleSize) {}

    /** An inspection plan. */
    @Schema(name = "InspectionPlan")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanView(
            String id,
            String name,
            String kind,
            String authorityLevel,
            String standardCode,
            TargetsBody targets,
            String cadence,
            List<String> explicitDates,
            String startDate,
            String endDate,
            String timeZone,
            int sampleSize,
            String createTime) {}

    /** The body of :generate. */
    @Schema(name = "GenerateOccurrences")
    public record GenerateBody(
            @Schema(format = "date", description = "Defaults to the plan's end date") String throughDate) {}

    /** What :generate did. */
    @Schema(name = "GeneratedOccurrences")
    public record GeneratedView(int createdCount, int existingCount, String pinnedStandard) {}

    /** The body that schedules an inspection. */
    @Schema(name = "NewInspection")
    public record InspectionBody(
            @Schema(required = true, format = "uuid") String unitId,
            @Schema(required = true) Kind kind,
            @Schema(required = true) Authority authorityLevel,
            @Schema(description = "Pins the version published now; or send standardId") String standardCode,
            @Schema(format = "uuid", description = "A published version to pin") String standardId,
            @Schema(required = true, format = "date-time") String windowStart,
            @Schema(required = true, format = "date-time") String windowEnd,
            @Schema(description = "Why another system requests it; never changes")
                    InspectionOrigins.OriginView origin) {}

    /** An inspector on an inspection; mystery shoppers by pseudonym. */
    @Schema(name = "AssignedInspector")
    public record AssignedView(String inspectorId, String displayName, String authorityLevel) {}

    /** A mystery shopper's visit or call. */
    @Schema(name = "MysteryShoppingContact")
    public record ContactBody(
            @Schema(required = true) ContactMode mode,
            @Schema(required = true, format = "date-time") String contactTime,
            @Schema(required = true) String scenario) {}

    /** An element of the pinned version. */
    @Schema(name = "InspectedElement")
    public record ElementView(
            String code,
            String title,
            String criterionCode,
            String subCriterionCode,
            int weight,
            boolean mandatory,
            boolean critical) {}

    /** A file reference. */
    @Schema(name = "Attachment")
    public record AttachmentBody(
            @Schema(required = true) String uri,
            @Schema(required = true, description = "64 lowercase hex digits") String sha256) {}

    /** An interview note. */
    @Schema(name = "Interview")
    public record InterviewBody(
            @Schema(required = true) IntervieweeGroup group, @Schema(required = true) String note) {}

    /** A rating to set: exactly one of levelCode, score and notApplicable. */
    @Schema(name = "NewRating")
    public record RatingBody(
            @Schema(required = true) String elementCode,
            String levelCode,
            Integer score,
            Boolean notApplicable,
            @Schema(description = "Required with notApplicable") String justification,
            String evidenceNotes,
            List<AttachmentBody> attachments,
            String observations,
            List<InterviewBody> interviews) {}

    /** The body of POST …/ratings. */
    @Schema(name = "Ratings")
    public record RatingsBody(@Schema(required = true) List<RatingBody> ratings) {}

    /** A rating. */
    @Schema(name = "Rating")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RatingView(
            String elementCode,
            String levelCode,
            Integer score,
            boolean notApplicable,
            String justification,
            String evidenceNotes,
            List<AttachmentBody> attachments,
            String observations,
            List<InterviewBody> interviews,
            boolean meetsRequirement,
            int points,
            String updateTime) {}

    /** An inspection. */
    @Schema(name = "Inspection")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InspectionView(
            String id,
            String unitId,
            String kind,
            String authorityLevel,
            String planId,
            String standardId,
            String standardCode,
            int standardVersion,
            String windowStart,
            String windowEnd,
            String status,
            boolean missed,
            List<AssignedView> inspectors,
            ContactBody mysteryShopping,
            List<ElementView> elements,
            List<RatingView> ratings,
            int ratedCount,
            String statusNote,
            String createTime,
            String startTime,
            String submitTime,
            String finalizeTime,
            @Schema(description = "Stored when finalized; absent before") ScoreView score,
            @Schema(description = "Every move, oldest first; absent in lists") List<MoveView> history,
            @Schema(description = "Why another system requested it; absent when nobody did")
                    InspectionOrigins.OriginView origin) {}

    /** The score of one criterion. */
    @Schema(name = "CriterionScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionScoreView(String criterionCode, Double score, int countedElements, int countedWeight) {}

    /**
     * The score of a finalized inspection: the element weights' mean of each counted element's share of
     * the scale's maximum, 0 to 100; not-applicable and unrated elements do not count.
     */
    @Schema(name = "InspectionScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScoreView(
            @Schema(description = "0 to 100; absent when no element counted") Double score,
            int countedElements,
            int countedWeight,
            List<CriterionScoreView> criteria,
            @Schema(description = "A critical element was rated below meets-requirement") boolean failed,
            List<String> failedElementCodes) {}

    /** One move of an inspection or an order: who made it, when, from which status to which. */
    @Schema(name = "Move")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MoveView(
            String time,
            @Schema(
                            description =
                                    "Who made the move: the subject of the caller's token (a service's own name for its jobs)")
                    String actor,
            String action,
            String fromStatus,
            String toStatus,
            String note) {}

    /** The body that assigns inspectors. */
    @Schema(name = "InspectorAssignment")
    public record AssignBody(@Schema(required = true) List<String> inspectorIds) {}

    /** The optional body of a state change. */
    @Schema(name = "InspectionChange")
    public record ChangeBody(@Schema(description = "Required for return and cancel") String note) {}

    /** One element's outcome in a finalized inspection. */
    @Schema(name = "ResultRating")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultRatingView(
            ElementView element,
            boolean rated,
            String levelCode,
            int points,
            boolean notApplicable,
            boolean meetsRequirement) {}

    /** A finalized inspection as scoring reads it. */
    @Schema(name = "InspectionResult")
    public record ResultView(
            String inspectionId,
            String unitId,
            String kind,
            String authorityLevel,
            String standardId,
            String standardCode,
            int standardVersion,
            String windowStart,
            String finalizeTime,
            List<ResultRatingView> ratings,
            @Schema(description = "Absent for inspections finalized before scores were stored") ScoreView score) {}

    /** One element side by side with the previous inspection. */
    @Schema(name = "ComparedElement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComparedView(
            String elementCode, String title, RatingView current, RatingView previous, String change) {}

    /** An inspection beside the previous one of the same unit and kind. */
    @Schema(name = "InspectionComparison")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComparisonView(String inspectionId, String previousInspectionId, List<ComparedView> elements) {}

    /** What an inspection found wrong. */
    @Schema(name = "Finding")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingView(
            String id,
            String inspectionId,
            String unitId,
            String elementCode,
            String elementTitle,
            String levelCode,
            int points,
            String severity,
            String evidenceNotes) {}

    /** A rectification order. */
    @Schema(name = "RectificationOrder")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderView(
            String id,
            FindingView finding,
            String ownerUnitId,
            String description,
            String dueTime,
            String status,
            boolean overdue,
            int reopenCount,
            String completionNote,
            String verificationNote,
            String createTime,
            String doneTime,
            String verifyTime,
            @Schema(description = "Every move, oldest first; absent in lists") List<MoveView> history) {}

    /** The fields of an order that can change; send only those to change (JSON merge patch). */
    @Schema(name = "RectificationOrderPatch")
    public record OrderPatch(
            @Schema(format = "uuid") String ownerUnitId,
            String description,
            @Schema(format = "date-time") String dueTime) {}

    /** The body of an order's state change. */
    @Schema(name = "RectificationChange")
    public record OrderChangeBody(
            @Schema(description = "Required for complete and verify") String note,
            @Schema(description = "For verify: whether the fix worked; false reopens the order") Boolean effective) {}

    /** Where a supervision order is. */
    public enum SupervisionStatus {
        OPEN,
        CAUSE_FOUND,
        DONE
    }

    /** The body that issues a supervision order. */
    @Schema(name = "NewSupervisionOrder")
    public record SupervisionOrderBody(
            @Schema(required = true, format = "uuid") String unitId,
            @Schema(required = true, description = "NATIONAL, PROVINCIAL or CITY") Authority authorityLevel,
            @Schema(required = true, examples = "Sichuan Provincial Company, Customer Service Department")
                    String issuer,
            @Schema(description = "An outside regulator rather than the organisation's own province or city")
                    Boolean regulator,
            @Schema(required = true) String problem,
            @Schema(required = true, format = "date-time") String dueTime,
            @Schema(required = true, description = "ISO-8601, at least PT1H", examples = "P7D")
                    String reportInterval) {}

    /** A status report of a supervision order. */
    @Schema(name = "SupervisionReport")
    public record SupervisionReportView(
            int number, String dueTime, String submitTime, String note, boolean late, String actor) {}

    /** A supervision order issued by an authority directly to a unit. */
    @Schema(name = "SupervisionOrder")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SupervisionOrderView(
            String id,
            String unitId,
            String authorityLevel,
            String issuer,
            boolean regulator,
            String problem,
            String issueTime,
            String dueTime,
            String reportInterval,
            String status,
            String cause,
            String causeTime,
            String completionNote,
            String doneTime,
            boolean overdue,
            @Schema(description = "Absent in lists") List<SupervisionReportView> reports,
            int reportsSubmitted,
            int lateReports,
            int missingReports,
            String nextReportDueTime,
            boolean reportOverdue,
            @Schema(description = "Every move, oldest first; absent in lists") List<MoveView> history,
            String updateTime) {}

    /** The body of a supervision order's state change. */
    @Schema(name = "SupervisionChange")
    public record SupervisionChangeBody(
            @Schema(description = "Required for recordCause: the cause found") String cause,
            @Schema(description = "Required for report (the progress) and complete (what was done)") String note) {}
}
