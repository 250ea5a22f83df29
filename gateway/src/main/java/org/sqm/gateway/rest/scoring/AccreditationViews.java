package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sqm.gateway.rest.inspections.InspectionViews.Authority;

/** The JSON shapes of accreditation rules and decisions in the REST API. */
public final class AccreditationViews {

    private AccreditationViews() {}

    /**
     * The body that creates accreditation rules: version 1 of a new code or the next version of a code.
     *
     * @param maxPartialsPerCriterion absent: no limit per criterion
     * @param maxPartialsTotal        absent: no total limit
     */
    @Schema(name = "NewAccreditationRules")
    public record AccreditationRulesBody(
            @Schema(required = true, examples = "CSE") String code,
            @Schema(required = true) String name,
            @Schema(required = true, examples = "CSE") String standardCode,
            @Schema(required = true, examples = "[\"NON_COMPLIANCE\"]") List<String> nonComplianceLevelCodes,
            @Schema(required = true, examples = "[\"PARTIAL_COMPLIANCE\"]") List<String> partialComplianceLevelCodes,
            @Schema(examples = "[\"COMPLIANCE_PLUS\"]") List<String> compliancePlusLevelCodes,
            Integer maxNonCompliances,
            Integer maxPartialsPerCriterion,
            Integer maxPartialsTotal,
            @Schema(required = true, examples = "3") Integer actionPlanDueMonths,
            @Schema(required = true, examples = "36") Integer validityMonths,
            @Schema(required = true, examples = "12") Integer reviewIntervalMonths,
            @Schema(required = true, examples = "30") Integer reviewWindowDays,
            Integer reviewGraceDays,
            @Schema(required = true) Authority assessmentAuthorityLevel) {}

    /** One version of accreditation rules. */
    @Schema(name = "AccreditationRules")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccreditationRulesView(
            @Schema(format = "uuid") String id,
            String code,
            int version,
            String name,
            String standardCode,
            List<String> nonComplianceLevelCodes,
            List<String> partialComplianceLevelCodes,
            List<String> compliancePlusLevelCodes,
            int maxNonCompliances,
            @Schema(description = "Absent: no limit per criterion") Integer maxPartialsPerCriterion,
            @Schema(description = "Absent: no total limit") Integer maxPartialsTotal,
            int actionPlanDueMonths,
            int validityMonths,
            int reviewIntervalMonths,
            int reviewWindowDays,
            int reviewGraceDays,
            Authority assessmentAuthorityLevel,
            String createTime) {}

    /** The body that asks for a decision: exactly one of rulesCode (its latest version) and rulesId. */
    @Schema(name = "DecideAccreditation")
    public record DecideBody(@Schema(examples = "CSE") String rulesCode, @Schema(format = "uuid") String rulesId) {}

    /** One criterion of a decision with the elements behind its verdict. */
    @Schema(name = "CriterionDecision")
    public record CriterionDecisionView(
            String criterionCode,
            @Schema(enumeration = {"MET", "MET_WITH_ACTION_PLAN", "NOT_MET"}) String verdict,
            String reason,
            List<String> nonComplianceElementCodes,
            List<String> partialComplianceElementCodes,
            List<String> compliancePlusElementCodes,
            int ratedElements,
            int notApplicableElements) {}

    /** One partial compliance's rectification order in the action plan. */
    @Schema(name = "ActionPlanItem")
    public record ActionPlanItemView(
            String elementCode,
            @Schema(format = "uuid") String rectificationOrderId,
            String dueTime,
            @Schema(description = "Whether the decision brought the order's due time forward to the limit")
                    boolean dueTimeMoved) {}

    /** An accreditation decision. */
    @Schema(name = "AccreditationDecision")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccreditationDecisionView(
            @Schema(format = "uuid") String id,
            @Schema(format = "uuid") String unitId,
            @Schema(format = "uuid") String rulesId,
            String rulesCode,
            int rulesVersion,
            @Schema(format = "uuid") String inspectionId,
            @Schema(format = "uuid") String standardId,
            String standardCode,
            int standardVersion,
            String inspectionFinalizeTime,
            @Schema(enumeration = {"ACCREDITED", "ACCREDITED_WITH_ACTION_PLAN", "NOT_ACCREDITED"}) String outcome,
            List<CriterionDecisionView> criteria,
            int nonComplianceCount,
            int partialComplianceCount,
            int compliancePlusCount,
            List<String> reasons,
            List<ActionPlanItemView> actionPlan,
            @Schema(description = "Absent without an action plan") String actionPlanDueTime,
            String decideTime,
            String actor,
            @Schema(description = "Absent when the decision changed no certification", format = "uuid")
                    String certificationId,
            @Schema(enumeration = {"GRANTED", "REVIEW_PASSED", "REVIEW_FAILED", "RENEWED", "REASSESSMENT_FAILED"})
                    String certificationAction) {}
}
