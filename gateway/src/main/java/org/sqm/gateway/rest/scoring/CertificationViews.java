package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of certifications in the REST API. */
public final class CertificationViews {

    private CertificationViews() {}

    /**
     * A unit's certification under one code of accreditation rules.
     *
     * @param history every change, oldest first; absent in lists
     */
    @Schema(name = "Certification")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificationView(
            @Schema(format = "uuid") String id,
            @Schema(format = "uuid") String unitId,
            String rulesCode,
            @Schema(format = "uuid") String rulesId,
            @Schema(enumeration = {"ACTIVE", "SUSPENDED", "LAPSED"}) String status,
            @Schema(format = "date-time") String grantTime,
            @Schema(format = "date-time", description = "When the current cycle ends") String validUntil,
            @Schema(format = "date-time", description = "Equal to validUntil when the next review is the reassessment")
                    String nextReviewDueTime,
            boolean nextReviewIsReassessment,
            @Schema(format = "uuid", description = "The on-site assessment planned for the next review")
                    String plannedInspectionId,
            @Schema(format = "uuid") String latestDecisionId,
            List<String> actionPlanOrderIds,
            @Schema(format = "date-time") String actionPlanDueTime,
            List<CertificationEventView> history,
            String etag) {}

    /** One change of a certification: when, what, from and to which status, why and who. */
    @Schema(name = "CertificationEvent")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CertificationEventView(
            @Schema(format = "date-time") String time,
            @Schema(
                            enumeration = {
                                "GRANT",
                                "REVIEW_PASSED",
                                "REVIEW_FAILED",
                                "RENEW",
                                "REASSESSMENT_FAILED",
                                "SUSPEND",
                                "REINSTATE",
                                "LAPSE"
                            })
                    String action,
            @Schema(description = "Absent for GRANT") String fromStatus,
            String toStatus,
            String reason,
            String actor,
            @Schema(format = "uuid") String decisionId,
            @Schema(format = "uuid") String plannedInspectionId) {}

    /** The body of a suspension or a reinstatement. */
    @Schema(name = "CertificationChange")
    public record ChangeBody(
            @Schema(description = "The etag of your last read (or send it in If-Match)") String etag,
            @Schema(required = true, description = "Why, at most 2000 characters") String reason) {}
}
