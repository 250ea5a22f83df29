package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.inspections.InspectionViews.Authority;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationDecisionView;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationRulesBody;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationRulesView;
import org.sqm.gateway.rest.scoring.AccreditationViews.ActionPlanItemView;
import org.sqm.gateway.rest.scoring.AccreditationViews.CriterionDecisionView;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.ActionPlanItem;
import org.sqm.proto.scoring.v1.CriterionDecision;

/** Accreditation messages to REST views and REST bodies to messages. */
public final class AccreditationMapping {

    private AccreditationMapping() {}

    static AccreditationRules.Builder rules(AccreditationRulesBody b) {
        AccreditationRules.Builder r = AccreditationRules.newBuilder()
                .setCode(nullToEmpty(b.code()))
                .setName(nullToEmpty(b.name()))
                .setStandardCode(nullToEmpty(b.standardCode()))
                .addAllNonComplianceLevelCodes(
                        ScoringModelMapping.texts("nonComplianceLevelCodes", b.nonComplianceLevelCodes()))
                .addAllPartialComplianceLevelCodes(
                        ScoringModelMapping.texts("partialComplianceLevelCodes", b.partialComplianceLevelCodes()))
                .addAllCompliancePlusLevelCodes(
                        ScoringModelMapping.texts("compliancePlusLevelCodes", b.compliancePlusLevelCodes()))
                .setMaxNonCompliances(zero(b.maxNonCompliances()))
                .setActionPlanDueMonths(zero(b.actionPlanDueMonths()))
                .setValidityMonths(zero(b.validityMonths()))
                .setReviewIntervalMonths(zero(b.reviewIntervalMonths()))
                .setReviewWindowDays(zero(b.reviewWindowDays()))
                .setReviewGraceDays(zero(b.reviewGraceDays()))
                .setAssessmentAuthorityLevel(ProtoEnums.toProto(b.assessmentAuthorityLevel(), AuthorityLevel.class));
        if (b.maxPartialsPerCriterion() != null) {
            r.setMaxPartialsPerCriterion(b.maxPartialsPerCriterion());
        }
        if (b.maxPartialsTotal() != null) {
            r.setMaxPartialsTotal(b.maxPartialsTotal());
        }
        return r;
    }

    static AccreditationRulesView view(AccreditationRules r) {
        return new AccreditationRulesView(
                r.getId(),
                r.getCode(),
                r.getVersion(),
                r.getName(),
                r.getStandardCode(),
                r.getNonComplianceLevelCodesList(),
                r.getPartialComplianceLevelCodesList(),
                r.getCompliancePlusLevelCodesList(),
                r.getMaxNonCompliances(),
                r.hasMaxPartialsPerCriterion() ? r.getMaxPartialsPerCriterion() : null,
                r.hasMaxPartialsTotal() ? r.getMaxPartialsTotal() : null,
                r.getActionPlanDueMonths(),
                r.getValidityMonths(),
                r.getReviewIntervalMonths(),
                r.getReviewWindowDays(),
                r.getReviewGraceDays(),
                ProtoEnums.toDomain(r.getAssessmentAuthorityLevel(), Authority.class),
                Times.textOrNull(r.hasCreateTime(), r.getCreateTime()));
    }

    public static AccreditationDecisionView view(AccreditationDecision d) {
        return new AccreditationDecisionView(
                d.getId(),
                d.getUnitId(),
                d.getRulesId(),
                d.getRulesCode(),
                d.getRulesVersion(),
                d.getInspectionId(),
                d.getStandardId(),
                d.getStandardCode(),
                d.getStandardVersion(),
                Times.textOrNull(d.hasInspectionFinalizeTime(), d.getInspectionFinalizeTime()),
                ProtoEnums.shortName(d.getOutcome()),
                d.getCriteriaList().stream().map(AccreditationMapping::view).toList(),
                d.getNonComplianceCount(),
                d.getPartialComplianceCount(),
                d.getCompliancePlusCount(),
                d.getReasonsList(),
                d.getActionPlanList().stream().map(AccreditationMapping::view).toList(),
                Times.textOrNull(d.hasActionPlanDueTime(), d.getActionPlanDueTime()),
                Times.textOrNull(d.hasDecideTime(), d.getDecideTime()),
                d.getActor(),
                emptyToNull(d.getCertificationId()),
                ProtoEnums.shortName(d.getCertificationAction()));
    }

    private static CriterionDecisionView view(CriterionDecision c) {
        return new CriterionDecisionView(
                c.getCriterionCode(),
                ProtoEnums.shortName(c.getVerdict()),
                c.getReason(),
                c.getNonComplianceElementCodesList(),
                c.getPartialComplianceElementCodesList(),
                c.getCompliancePlusElementCodesList(),
                c.getRatedElements(),
                c.getNotApplicableElements());
    }

    private static ActionPlanItemView view(ActionPlanItem i) {
        return new ActionPlanItemView(
                i.getElementCode(),
                i.getRectificationOrderId(),
                Times.textOrNull(i.hasDueTime(), i.getDueTime()),
                i.getDueTimeMoved());
    }

    private static int zero(Integer i) {
        return i == null ? 0 : i;
    }
}
