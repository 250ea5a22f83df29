package org.sqm.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.InspectedElement;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.ResultRating;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.CriterionDecision;
import org.sqm.proto.scoring.v1.CriterionVerdict;
import org.sqm.scoring.service.AccreditationJudgement.Judgement;

/** Each outcome of the judgement from hand-built assessments of a two-criterion standard. */
class AccreditationJudgementTest {

    static final AccreditationRules CSE = AccreditationRules.newBuilder()
            .setCode("CSE")
            .setStandardCode("CSE")
            .addNonComplianceLevelCodes("NON_COMPLIANCE")
            .addPartialComplianceLevelCodes("PARTIAL_COMPLIANCE")
            .addCompliancePlusLevelCodes("COMPLIANCE_PLUS")
            .setMaxNonCompliances(0)
            .setMaxPartialsPerCriterion(2)
            .setActionPlanDueMonths(3)
            .build();

    /** Elements 1.1 .. 1.4 and 2.1 .. 2.4, rated with the given level codes in that order ("N/A", null unrated). */
    static InspectionResult assessment(String... levels) {
        List<ResultRating> ratings = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            String criterion = String.valueOf(i / 4 + 1);
            ResultRating.Builder r = ResultRating.newBuilder()
                    .setElement(InspectedElement.newBuilder()
                            .setCode(criterion + "." + (i % 4 + 1))
                            .setCriterionCode(criterion));
            if ("N/A".equals(levels[i])) {
                r.setRated(true).setNotApplicable(true);
            } else if (levels[i] != null) {
                r.setRated(true).setLevelCode(levels[i]);
            }
            ratings.add(r.build());
        }
        return InspectionResult.newBuilder()
                .setInspectionId("i1")
                .addAllRatings(ratings)
                .build();
    }

    @Test
    void allCompliantIsAccreditedWithCompliancePlusCounted() {
        Judgement j = AccreditationJudgement.judge(
                CSE,
                assessment(
                        "COMPLIANCE_PLUS",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANCE_PLUS",
                        "COMPLIANT",
                        "COMPLIANCE_PLUS",
                        "COMPLIANT",
                        "COMPLIANT"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED, j.outcome());
        assertEquals(3, j.compliancePlus());
        assertEquals(0, j.partials());
        assertEquals(0, j.nonCompliances());
        assertEquals(
                List.of("1", "2"),
                j.criteria().stream().map(CriterionDecision::getCriterionCode).toList());
        CriterionDecision first = j.criteria().get(0);
        assertEquals(CriterionVerdict.CRITERION_VERDICT_MET, first.getVerdict());
        assertEquals(List.of("1.1", "1.4"), first.getCompliancePlusElementCodesList());
        assertEquals(4, first.getRatedElements());
        assertEquals("every applicable element compliant; 2 compliance plus (1.1, 1.4)", first.getReason());
        assertEquals(
                List.of(
                        "no non-compliance",
                        "no criterion has more than 2 partial compliances",
                        "no partial compliance"),
                j.reasons());
    }

    @Test
    void oneNonComplianceIsNotAccredited() {
        Judgement j = AccreditationJudgement.judge(
                CSE,
                assessment(
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT",
                        "NON_COMPLIANCE",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_NOT_ACCREDITED, j.outcome());
        assertEquals(1, j.nonCompliances());
        assertEquals(List.of("2.2"), j.nonComplianceElementCodes());
        assertEquals(CriterionVerdict.CRITERION_VERDICT_MET, j.criteria().get(0).getVerdict());
        CriterionDecision second = j.criteria().get(1);
        assertEquals(CriterionVerdict.CRITERION_VERDICT_NOT_MET, second.getVerdict());
        assertEquals(List.of("2.2"), second.getNonComplianceElementCodesList());
        assertEquals("1 non-compliance (2.2); 1 partial compliance (2.3), at most 2 per criterion", second.getReason());
        assertEquals("1 non-compliance (2.2), at most 0", j.reasons().get(0));
    }

    @Test
    void partialsWithinThePerCriterionLimitNeedAnActionPlan() {
        Judgement j = AccreditationJudgement.judge(
                CSE,
                assessment(
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANT",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANCE_PLUS"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN, j.outcome());
        assertEquals(3, j.partials());
        assertEquals(List.of("1.1", "1.3", "2.2"), j.partialElementCodes());
        assertEquals(
                CriterionVerdict.CRITERION_VERDICT_MET_WITH_ACTION_PLAN,
                j.criteria().get(0).getVerdict());
        assertEquals(
                "2 partial compliances (1.1, 1.3), at most 2 per criterion",
                j.criteria().get(0).getReason());
        assertEquals(
                List.of(
                        "no non-compliance",
                        "no criterion has more than 2 partial compliances",
                        "3 partial compliances need an action plan due within 3 months (1.1, 1.3, 2.2)"),
                j.reasons());
    }

    @Test
    void morePartialsInOneCriterionThanItsLimitIsNotAccredited() {
        Judgement j = AccreditationJudgement.judge(
                CSE,
                assessment(
                        "PARTIAL_COMPLIANCE",
                        "PARTIAL_COMPLIANCE",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_NOT_ACCREDITED, j.outcome());
        assertEquals(
                CriterionVerdict.CRITERION_VERDICT_NOT_MET, j.criteria().get(0).getVerdict());
        assertEquals(CriterionVerdict.CRITERION_VERDICT_MET, j.criteria().get(1).getVerdict());
        assertEquals(
                "criterion 1 has 3 partial compliances (1.1, 1.2, 1.3), at most 2 per criterion",
                j.reasons().get(1));
    }

    @Test
    void theTotalLimitDecidesWhenEachCriterionIsWithinItsOwn() {
        AccreditationRules totalTwo = CSE.toBuilder().setMaxPartialsTotal(2).build();
        Judgement within = AccreditationJudgement.judge(
                totalTwo,
                assessment(
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN, within.outcome());
        assertEquals(
                "2 partial compliances, at most 2 in total", within.reasons().get(2));
        Judgement beyond = AccreditationJudgement.judge(
                totalTwo,
                assessment(
                        "PARTIAL_COMPLIANCE",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANT",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_NOT_ACCREDITED, beyond.outcome());
        assertEquals(
                List.of(
                        CriterionVerdict.CRITERION_VERDICT_MET_WITH_ACTION_PLAN,
                        CriterionVerdict.CRITERION_VERDICT_MET_WITH_ACTION_PLAN),
                beyond.criteria().stream().map(CriterionDecision::getVerdict).toList());
        assertEquals(
                "3 partial compliances, at most 2 in total", beyond.reasons().get(2));
    }

    @Test
    void withoutAPerCriterionLimitOnlyTheTotalCounts() {
        AccreditationRules noLimits =
                CSE.toBuilder().clearMaxPartialsPerCriterion().build();
        Judgement j = AccreditationJudgement.judge(
                noLimits,
                assessment(
                        "PARTIAL_COMPLIANCE",
                        "PARTIAL_COMPLIANCE",
                        "PARTIAL_COMPLIANCE",
                        "PARTIAL_COMPLIANCE",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT",
                        "COMPLIANT"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN, j.outcome());
        assertEquals(
                "4 partial compliances (1.1, 1.2, 1.3, 1.4), no limit per criterion",
                j.criteria().get(0).getReason());
        assertEquals(2, j.reasons().size());
    }

    @Test
    void notApplicableAndUnratedElementsAreCountedPerCriterionAndJudgeNothing() {
        Judgement j = AccreditationJudgement.judge(
                CSE, assessment("N/A", "COMPLIANT", null, "COMPLIANT", "N/A", "N/A", "N/A", "N/A"));
        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED, j.outcome());
        CriterionDecision first = j.criteria().get(0);
        assertEquals(3, first.getRatedElements());
        assertEquals(1, first.getNotApplicableElements());
        assertEquals("every applicable element compliant; 1 not applicable", first.getReason());
        CriterionDecision second = j.criteria().get(1);
        assertEquals(4, second.getRatedElements());
        assertEquals(4, second.getNotApplicableElements());
        assertEquals(CriterionVerdict.CRITERION_VERDICT_MET, second.getVerdict());
        assertEquals("no element rated applicable; 4 not applicable", second.getReason());
    }
}
