package org.sqm.scoring.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.ResultRating;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.CriterionDecision;
import org.sqm.proto.scoring.v1.CriterionVerdict;

/**
 * What an assessment's ratings amount to under accreditation rules, with no state and no I/O: every
 * rated element classified (Non-Compliance, Partial Compliance, Compliance Plus, other; not applicable
 * counted), a verdict and a reason per criterion in the standard's order, the totals, the outcome and
 * one line of reason per rule that decided it.
 */
public final class AccreditationJudgement {

    /** The judgement; {@code partialElementCodes} are every partial compliance, in the standard's order. */
    public record Judgement(
            AccreditationOutcome outcome,
            List<CriterionDecision> criteria,
            int nonCompliances,
            int partials,
            int compliancePlus,
            List<String> reasons,
            List<String> partialElementCodes,
            List<String> nonComplianceElementCodes) {}

    private AccreditationJudgement() {}

    /** Judges the assessment's ratings under the rules. */
    public static Judgement judge(AccreditationRules rules, InspectionResult assessment) {
        Map<String, CriterionDecision.Builder> byCriterion = new LinkedHashMap<>();
        List<String> nc = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        int plus = 0;
        for (ResultRating r : assessment.getRatingsList()) {
            CriterionDecision.Builder c = byCriterion.computeIfAbsent(
                    r.getElement().getCriterionCode(),
                    code -> CriterionDecision.newBuilder().setCriterionCode(code));
            if (!r.getRated()) {
                continue;
            }
            c.setRatedElements(c.getRatedElements() + 1);
            String element = r.getElement().getCode();
            if (r.getNotApplicable()) {
                c.setNotApplicableElements(c.getNotApplicableElements() + 1);
            } else if (rules.getNonComplianceLevelCodesList().contains(r.getLevelCode())) {
                c.addNonComplianceElementCodes(element);
                nc.add(element);
            } else if (rules.getPartialComplianceLevelCodesList().contains(r.getLevelCode())) {
                c.addPartialComplianceElementCodes(element);
                partial.add(element);
            } else if (rules.getCompliancePlusLevelCodesList().contains(r.getLevelCode())) {
                c.addCompliancePlusElementCodes(element);
                plus++;
            }
        }
        List<CriterionDecision> criteria = new ArrayList<>();
        List<String> overCriterionLimit = new ArrayList<>();
        for (CriterionDecision.Builder c : byCriterion.values()) {
            boolean over = rules.hasMaxPartialsPerCriterion()
                    && c.getPartialComplianceElementCodesCount() > rules.getMaxPartialsPerCriterion();
            if (over) {
                overCriterionLimit.add("criterion " + c.getCriterionCode() + " has "
                        + count(c.getPartialComplianceElementCodesCount(), "partial compliance", "partial compliances")
                        + " (" + String.join(", ", c.getPartialComplianceElementCodesList()) + "), at most "
                        + rules.getMaxPartialsPerCriterion() + " per criterion");
            }
            c.setVerdict(
                    c.getNonComplianceElementCodesCount() > 0 || over
                            ? CriterionVerdict.CRITERION_VERDICT_NOT_MET
                            : c.getPartialComplianceElementCodesCount() > 0
                                    ? CriterionVerdict.CRITERION_VERDICT_MET_WITH_ACTION_PLAN
                                    : CriterionVerdict.CRITERION_VERDICT_MET);
            c.setReason(reason(rules, c));
            criteria.add(c.build());
        }

        List<String> reasons = new ArrayList<>();
        boolean tooManyNc = nc.size() > rules.getMaxNonCompliances();
        reasons.add(
                nc.isEmpty()
                        ? "no non-compliance"
                        : count(nc.size(), "non-compliance", "non-compliances") + " (" + String.join(", ", nc)
                                + "), at most " + rules.getMaxNonCompliances());
        if (rules.hasMaxPartialsPerCriterion()) {
            if (overCriterionLimit.isEmpty()) {
                reasons.add(
                        "no criterion has more than " + rules.getMaxPartialsPerCriterion() + " partial compliances");
            } else {
                reasons.addAll(overCriterionLimit);
            }
        }
        boolean overTotal = rules.hasMaxPartialsTotal() && partial.size() > rules.getMaxPartialsTotal();
        if (rules.hasMaxPartialsTotal()) {
            reasons.add(count(partial.size(), "partial compliance", "partial compliances") + ", at most "
                    + rules.getMaxPartialsTotal() + " in total");
        }
        AccreditationOutcome outcome;
        if (tooManyNc || !overCriterionLimit.isEmpty() || overTotal) {
            outcome = AccreditationOutcome.ACCREDITATION_OUTCOME_NOT_ACCREDITED;
        } else if (!partial.isEmpty()) {
            outcome = AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN;
            reasons.add(count(partial.size(), "partial compliance needs", "partial compliances need")
                    + " an action plan due within " + rules.getActionPlanDueMonths() + " months ("
                    + String.join(", ", partial) + ")");
        } else {
            outcome = AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED;
            reasons.add("no partial compliance");
        }
        return new Judgement(
                outcome,
                List.copyOf(criteria),
                nc.size(),
                partial.size(),
                plus,
                List.copyOf(reasons),
                List.copyOf(partial),
                List.copyOf(nc));
    }

    private static String reason(AccreditationRules rules, CriterionDecision.Builder c) {
        List<String> parts = new ArrayList<>();
        if (c.getNonComplianceElementCodesCount() > 0) {
            parts.add(count(c.getNonComplianceElementCodesCount(), "non-compliance", "non-compliances") + " ("
                    + String.join(", ", c.getNonComplianceElementCodesList()) + ")");
        }
        int partials = c.getPartialComplianceElementCodesCount();
        if (partials > 0) {
            parts.add(count(partials, "partial compliance", "partial compliances") + " ("
                    + String.join(", ", c.getPartialComplianceElementCodesList()) + "), "
                    + (rules.hasMaxPartialsPerCriterion()
                            ? "at most " + rules.getMaxPartialsPerCriterion() + " per criterion"
                            : "no limit per criterion"));
        }
        if (parts.isEmpty()) {
            parts.add(
                    c.getRatedElements() == c.getNotApplicableElements()
                            ? "no element rated applicable"
                            : "every applicable element compliant");
        }
        if (c.getCompliancePlusElementCodesCount() > 0) {
            parts.add(count(c.getCompliancePlusElementCodesCount(), "compliance plus", "compliance plus") + " ("
                    + String.join(", ", c.getCompliancePlusElementCodesList()) + ")");
        }
        if (c.getNotApplicableElements() > 0) {
            parts.add(c.getNotApplicableElements() + " not applicable");
        }
        return String.join("; ", parts);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
