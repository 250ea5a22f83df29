package org.sqm.scoring.service;

import static org.sqm.commons.convert.ProtoTime.instant;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.persistence.UniqueViolation;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.ActionPlanItem;
import org.sqm.scoring.config.Clocks;
import org.sqm.scoring.config.ScoringConfig;
import org.sqm.scoring.domain.AccreditationDecisionEntity;
import org.sqm.scoring.domain.AccreditationRulesEntity;
import org.sqm.scoring.service.AccreditationJudgement.Judgement;

/**
 * Decides a unit's accreditation: reads the rules, the unit's latest finalized on-site assessment of
 * the rules' standard and (for an action plan) its rectification orders from inspection-service,
 * judges, brings forward the orders due after the action plan's limit, and only then writes the
 * decision in one short transaction. No database transaction is open during a remote call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NEVER)
public class AccreditationDecisions {

    private final AccreditationRulesService rules;
    private final AccreditationDecisionStore store;
    private final OnSiteAssessments assessments;
    private final Clock clock;
    private final ScoringConfig config;

    public AccreditationDecisions(
            AccreditationRulesService rules,
            AccreditationDecisionStore store,
            OnSiteAssessments assessments,
            Clock clock,
            ScoringConfig config) {
        this.rules = rules;
        this.store = store;
        this.assessments = assessments;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Decides on the unit's latest finalized on-site assessment, or returns the decision already made
     * on it under the same rules version (then nothing changes anywhere).
     */
    public AccreditationDecisionEntity decide(String unitId, String rulesCode, String rulesId, String actor) {
        Violations v = new Violations();
        v.check(Texts.notBlank(unitId), "unit_id", "is required");
        v.optionalId("unit_id", unitId);
        boolean byCode = Texts.notBlank(rulesCode);
        boolean byId = Texts.notBlank(rulesId);
        v.check(byCode != byId, "rules_code", "exactly one of rules_code and rules_id is required");
        v.optionalId("rules_id", rulesId);
        v.maxLength("actor", actor, 100).throwIfAny();
        UUID unit = UUID.fromString(unitId);
        String who = Texts.notBlank(actor) ? actor.strip() : "api";

        AccreditationRulesEntity version = byCode
                ? rules.latest(rulesCode.strip())
                        .orElseThrow(() ->
                                new InvalidArgumentException("rules_code", "no accreditation rules have this code"))
                : rules.find(UUID.fromString(rulesId))
                        .orElseThrow(() ->
                                new InvalidArgumentException("rules_id", "no accreditation rules version has this id"));
        AccreditationRules r = AccreditationRulesDocument.toProto(version);

        Instant now = Clocks.now(clock);
        InspectionResult assessment = assessments.finalized(unit, now.plus(Duration.ofSeconds(1))).stream()
                .filter(a -> a.getStandardCode().equals(r.getStandardCode()))
                .max(Comparator.comparing((InspectionResult a) -> instant(a.getFinalizeTime()))
                        .thenComparing(InspectionResult::getInspectionId))
                .orElseThrow(() -> new FailedPreconditionException(
                        "NO_FINALIZED_ON_SITE_ASSESSMENT",
                        "unit " + unitId + " has no finalized on-site assessment against standard "
                                + r.getStandardCode() + "; finalize one before deciding its accreditation",
                        Map.of("unit_id", unitId, "standard_code", r.getStandardCode())));
        UUID inspection = UUID.fromString(assessment.getInspectionId());
        Optional<AccreditationDecisionEntity> made = store.made(unit, version.id, inspection);
        if (made.isPresent()) {
            return made.get();
        }

        Judgement judgement = AccreditationJudgement.judge(r, assessment);
        AccreditationDecision.Builder decision = AccreditationDecision.newBuilder()
                .setUnitId(unitId)
                .setRulesId(version.id.toString())
                .setRulesCode(version.code)
                .setRulesVersion(version.versionNumber)
                .setInspectionId(assessment.getInspectionId())
                .setStandardId(assessment.getStandardId())
                .setStandardCode(assessment.getStandardCode())
                .setStandardVersion(assessment.getStandardVersion())
                .setInspectionFinalizeTime(assessment.getFinalizeTime())
                .setOutcome(judgement.outcome())
                .addAllCriteria(judgement.criteria())
                .setNonComplianceCount(judgement.nonCompliances())
                .setPartialComplianceCount(judgement.partials())
                .setCompliancePlusCount(judgement.compliancePlus())
                .addAllReasons(judgement.reasons())
                .setDecideTime(timestamp(now))
                .setActor(who);
        Instant dueLimit = null;
        List<UUID> orderIds = List.of();
        if (judgement.outcome() == AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN) {
            dueLimit = now.atZone(config.timeZone())
                    .plusMonths(r.getActionPlanDueMonths())
                    .toInstant();
            List<ActionPlanItem> plan = actionPlan(assessment, judgement.partialElementCodes(), dueLimit, who);
            decision.addAllActionPlan(plan).setActionPlanDueTime(timestamp(dueLimit));
            orderIds = plan.stream()
                    .map(i -> UUID.fromString(i.getRectificationOrderId()))
                    .toList();
        }

        AccreditationDecided.Facts facts = new AccreditationDecided.Facts(
                UUID.randomUUID(),
                unit,
                version.id,
                version.code,
                r.getStandardCode(),
                judgement.outcome(),
                inspection,
                now,
                who,
                orderIds,
                dueLimit,
                r.getValidityMonths(),
                r.getReviewIntervalMonths(),
                r.getReviewWindowDays(),
                r.getReviewGraceDays(),
                r.getAssessmentAuthorityLevel());
        try {
            return store.record(decision.build(), facts);
        } catch (RuntimeException e) {
            if (UniqueViolation.constraintOf(e)
                    .filter(AccreditationDecisionStore.ONE_PER_ASSESSMENT::equals)
                    .isPresent()) {
                // A concurrent identical decision committed first: its decision is the one.
                return store.made(unit, version.id, inspection).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /**
     * The action plan: for each partial compliance the order inspection-service created for it at
     * finalization, an open order due after the limit brought forward to it. Every order is found
     * before any is changed, so a missing one changes nothing.
     */
    private List<ActionPlanItem> actionPlan(
            InspectionResult assessment, List<String> partials, Instant dueLimit, String actor) {
        Map<String, RectificationOrder> byElement = new HashMap<>();
        for (RectificationOrder o : assessments.orders(assessment.getInspectionId())) {
            byElement.putIfAbsent(o.getFinding().getElementCode(), o);
        }
        List<FieldViolation> missing = partials.stream()
                .filter(element -> !byElement.containsKey(element))
                .map(element -> new FieldViolation(
                        element, "no rectification order of inspection " + assessment.getInspectionId()))
                .toList();
        if (!missing.isEmpty()) {
            throw new FailedPreconditionException(
                    "ACTION_PLAN_ORDER_MISSING",
                    "inspection-service has no rectification order for the partial compliance of "
                            + String.join(
                                    ", ",
                                    missing.stream().map(FieldViolation::field).toList())
                            + " in inspection " + assessment.getInspectionId() + "; the action plan needs one each",
                    Map.of("inspection_id", assessment.getInspectionId()),
                    missing);
        }
        List<ActionPlanItem> plan = new ArrayList<>();
        for (String element : partials) {
            RectificationOrder order = byElement.get(element);
            boolean open = order.getStatus() == RectificationStatus.RECTIFICATION_STATUS_OPEN
                    || order.getStatus() == RectificationStatus.RECTIFICATION_STATUS_IN_PROGRESS;
            boolean move = open && instant(order.getDueTime()).isAfter(dueLimit);
            RectificationOrder now = move ? moveDueTime(order, dueLimit, actor) : order;
            plan.add(ActionPlanItem.newBuilder()
                    .setElementCode(element)
                    .setRectificationOrderId(order.getId())
                    .setDueTime(now.getDueTime())
                    .setDueTimeMoved(move)
                    .build());
        }
        return plan;
    }

    /** Moves the due time; a concurrent change of the order (ABORTED) is re-read and tried once more. */
    private RectificationOrder moveDueTime(RectificationOrder order, Instant due, String actor) {
        try {
            return assessments.moveDueTime(order, due, actor);
        } catch (RemoteCallException e) {
            if (e.code() != Status.Code.ABORTED) {
                throw e;
            }
            return assessments.moveDueTime(assessments.order(order.getId()), due, actor);
        }
    }
}
