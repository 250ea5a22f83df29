package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sqm.commons.convert.ProtoTime.instant;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.Finding;
import org.sqm.proto.inspection.v1.InspectedElement;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.ResultRating;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationOutcome;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc.AccreditationServiceBlockingStub;
import org.sqm.proto.scoring.v1.ActionPlanItem;
import org.sqm.proto.scoring.v1.CreateAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.CriterionVerdict;
import org.sqm.proto.scoring.v1.DecideAccreditationRequest;
import org.sqm.proto.scoring.v1.GetAccreditationDecisionRequest;
import org.sqm.proto.scoring.v1.GetAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsResponse;
import org.sqm.proto.scoring.v1.ListAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationRulesResponse;
import org.sqm.scoring.TestClock;
import org.sqm.scoring.service.AccreditationDecided;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * Accreditation rules and decisions over gRPC, against inspection-service's stand-in (scripted
 * assessments and orders) and a stopped clock. Every test uses rule codes and units of its own.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AccreditationGrpcServiceTest {

    static final Instant NOW = Instant.parse("2026-05-10T02:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @GrpcClient("scoring")
    AccreditationServiceBlockingStub accreditation;

    @Inject
    TestClock clock;

    @BeforeEach
    void start() {
        FakeInspections.reset();
        DecidedEvents.FIRED.clear();
        clock.set(NOW);
    }

    @AfterEach
    void stop() {
        clock.reset();
    }

    static AccreditationRules.Builder rules(String code, String standard) {
        return AccreditationRules.newBuilder()
                .setCode(code)
                .setName("Rules " + code)
                .setStandardCode(standard)
                .addNonComplianceLevelCodes("NON_COMPLIANCE")
                .addPartialComplianceLevelCodes("PARTIAL_COMPLIANCE")
                .addCompliancePlusLevelCodes("COMPLIANCE_PLUS")
                .setMaxNonCompliances(0)
                .setMaxPartialsPerCriterion(2)
                .setActionPlanDueMonths(3)
                .setValidityMonths(36)
                .setReviewIntervalMonths(12)
                .setReviewWindowDays(30)
                .setReviewGraceDays(30)
                .setAssessmentAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_NATIONAL);
    }

    AccreditationRules create(AccreditationRules.Builder rules, String requestId) {
        return accreditation.createAccreditationRules(CreateAccreditationRulesRequest.newBuilder()
                .setRules(rules)
                .setRequestId(requestId)
                .build());
    }

    static String code(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void rulesAreVersionsOfACodeAndARetryReturnsTheFirstCallsVersion() {
        String code = code("R");
        AccreditationRules first = create(rules(code, "CSE"), "");
        assertEquals(1, first.getVersion());
        assertEquals(NOW, instant(first.getCreateTime()));
        String key = UUID.randomUUID().toString();
        AccreditationRules second = create(rules(code, "CSE").setMaxPartialsTotal(5), key);
        assertEquals(2, second.getVersion());
        assertEquals(5, second.getMaxPartialsTotal());
        assertEquals(second, create(rules(code, "CSE").setMaxPartialsTotal(5), key));
        StatusRuntimeException reused =
                assertThrows(StatusRuntimeException.class, () -> create(rules(code, "CSE"), key));
        assertEquals(Status.Code.ALREADY_EXISTS, reused.getStatus().getCode());

        assertEquals(
                first,
                accreditation.getAccreditationRules(GetAccreditationRulesRequest.newBuilder()
                        .setId(first.getId())
                        .build()));
        ListAccreditationRulesResponse page =
                accreditation.listAccreditationRules(ListAccreditationRulesRequest.newBuilder()
                        .setCode(code)
                        .setPageSize(1)
                        .build());
        assertEquals(List.of(first), page.getRulesList());
        assertEquals(
                List.of(second),
                accreditation
                        .listAccreditationRules(ListAccreditationRulesRequest.newBuilder()
                                .setCode(code)
                                .setPageSize(1)
                                .setPageToken(page.getNextPageToken())
                                .build())
                        .getRulesList());
        StatusRuntimeException missing = assertThrows(
                StatusRuntimeException.class,
                () -> accreditation.getAccreditationRules(GetAccreditationRulesRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    }

    @Test
    void rulesThatContradictEachOtherNameEveryFieldAndWriteNothing() {
        String code = code("BAD");
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        rules(code, "CSE")
                                .setName("")
                                .addCompliancePlusLevelCodes("PARTIAL_COMPLIANCE")
                                .addCompliancePlusLevelCodes("COMPLIANCE_PLUS")
                                .setMaxPartialsPerCriterion(4)
                                .setMaxPartialsTotal(3)
                                .setValidityMonths(12)
                                .setReviewIntervalMonths(12)
                                .setActionPlanDueMonths(13)
                                .setReviewWindowDays(0)
                                .setAssessmentAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_UNSPECIFIED),
                        ""));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "rules.name",
                        "rules.compliance_plus_level_codes[1]",
                        "rules.compliance_plus_level_codes[2]",
                        "rules.max_partials_per_criterion",
                        "rules.review_interval_months",
                        "rules.action_plan_due_months",
                        "rules.review_window_days",
                        "rules.assessment_authority_level"),
                GrpcErrors.violatedFields(e));
        assertTrue(e.getStatus()
                .getDescription()
                .contains("PARTIAL_COMPLIANCE is also in partial_compliance_level_codes"));
        assertEquals(
                0,
                accreditation
                        .listAccreditationRules(ListAccreditationRulesRequest.newBuilder()
                                .setCode(code)
                                .build())
                        .getRulesCount());
    }

    @Test
    void levelCodesAreCheckedAgainstTheRatingScaleOfTheStandard() {
        FakeStandards.levels("STD-NUMERIC");
        StatusRuntimeException unknownLevels = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        rules(code("L"), "STD-A")
                                .addNonComplianceLevelCodes("FAIL")
                                .setCompliancePlusLevelCodes(0, "EXCELLENT"),
                        ""));
        assertEquals(
                List.of("rules.non_compliance_level_codes[1]", "rules.compliance_plus_level_codes[0]"),
                GrpcErrors.violatedFields(unknownLevels));
        assertTrue(unknownLevels
                .getStatus()
                .getDescription()
                .contains("FAIL is not a level of standard STD-A (COMPLIANCE_PLUS, COMPLIANT, PARTIAL_COMPLIANCE, "
                        + "NON_COMPLIANCE)"));
        for (String standard : List.of("STD-NONE", "STD-NUMERIC")) {
            StatusRuntimeException e =
                    assertThrows(StatusRuntimeException.class, () -> create(rules(code("L"), standard), ""));
            assertEquals(List.of("rules.standard_code"), GrpcErrors.violatedFields(e));
        }
    }

    /** A finalized on-site assessment of two criteria of four elements each, rated with the given levels. */
    static InspectionResult assessment(String unit, String standard, Instant finalized, String... levels) {
        List<ResultRating> ratings = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            String criterion = String.valueOf(i / 4 + 1);
            ratings.add(ResultRating.newBuilder()
                    .setElement(InspectedElement.newBuilder()
                            .setCode(criterion + "." + (i % 4 + 1))
                            .setCriterionCode(criterion))
                    .setRated(true)
                    .setLevelCode(levels[i])
                    .build());
        }
        return InspectionResult.newBuilder()
                .setInspectionId(UUID.randomUUID().toString())
                .setUnitId(unit)
                .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_NATIONAL)
                .setStandardId(UUID.randomUUID().toString())
                .setStandardCode(standard)
                .setStandardVersion(1)
                .setFinalizeTime(timestamp(finalized))
                .addAllRatings(ratings)
                .build();
    }

    static RectificationOrder order(InspectionResult assessment, String element, Instant due) {
        RectificationOrder o = RectificationOrder.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setFinding(Finding.newBuilder()
                        .setInspectionId(assessment.getInspectionId())
                        .setElementCode(element))
                .setOwnerUnitId(assessment.getUnitId())
                .setDueTime(timestamp(due))
                .setStatus(RectificationStatus.RECTIFICATION_STATUS_OPEN)
                .setEtag(UUID.randomUUID().toString())
                .build();
        FakeInspections.ORDERS.put(o.getId(), o);
        return o;
    }

    AccreditationDecision decide(String unit, String rulesCode, String actor) {
        return accreditation.decideAccreditation(DecideAccreditationRequest.newBuilder()
                .setUnitId(unit)
                .setRulesCode(rulesCode)
                .setActor(actor)
                .build());
    }

    @Test
    void partialsWithinTheLimitsAreAccreditedWithTheirOrdersDueWithinThreeMonths() {
        String code = code("CSE");
        AccreditationRules rules = create(rules(code, "STD-A"), "");
        String unit = UUID.randomUUID().toString();
        Instant finalized = NOW.minusSeconds(86_400);
        // An older assessment, and a newer one of another standard: neither is the one decided on.
        FakeInspections.RESULTS.add(assessment(
                unit,
                "STD-A",
                finalized.minusSeconds(86_400 * 30),
                "NON_COMPLIANCE",
                "COMPLIANT",
                "COMPLIANT",
                "COMPLIANT"));
        FakeInspections.RESULTS.add(assessment(
                unit, "STD-B", finalized.plusSeconds(60), "NON_COMPLIANCE", "COMPLIANT", "COMPLIANT", "COMPLIANT"));
        InspectionResult latest = assessment(
                unit,
                "STD-A",
                finalized,
                "COMPLIANCE_PLUS",
                "PARTIAL_COMPLIANCE",
                "COMPLIANT",
                "PARTIAL_COMPLIANCE",
                "COMPLIANT",
                "COMPLIANCE_PLUS",
                "COMPLIANT",
                "COMPLIANT");
        FakeInspections.RESULTS.add(latest);
        Instant limit = NOW.atZone(ZONE).plusMonths(3).toInstant();
        RectificationOrder late = order(latest, "1.2", limit.plusSeconds(86_400 * 60));
        RectificationOrder early = order(latest, "1.4", NOW.plusSeconds(86_400 * 14));

        AccreditationDecision d = decide(unit, code, "assessor-1");

        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED_WITH_ACTION_PLAN, d.getOutcome());
        assertEquals(latest.getInspectionId(), d.getInspectionId());
        assertEquals(rules.getId(), d.getRulesId());
        assertEquals(1, d.getRulesVersion());
        assertEquals("STD-A", d.getStandardCode());
        assertEquals(2, d.getPartialComplianceCount());
        assertEquals(2, d.getCompliancePlusCount());
        assertEquals(0, d.getNonComplianceCount());
        assertEquals(
                List.of(
                        CriterionVerdict.CRITERION_VERDICT_MET_WITH_ACTION_PLAN,
                        CriterionVerdict.CRITERION_VERDICT_MET),
                d.getCriteriaList().stream().map(c -> c.getVerdict()).toList());
        assertEquals(List.of("1.2", "1.4"), d.getCriteria(0).getPartialComplianceElementCodesList());
        assertEquals(
                List.of(
                        "no non-compliance",
                        "no criterion has more than 2 partial compliances",
                        "2 partial compliances need an action plan due within 3 months (1.2, 1.4)"),
                d.getReasonsList());
        assertEquals(NOW, instant(d.getDecideTime()));
        assertEquals(limit, instant(d.getActionPlanDueTime()));
        assertEquals("assessor-1", d.getActor());
        assertEquals(
                List.of(
                        ActionPlanItem.newBuilder()
                                .setElementCode("1.2")
                                .setRectificationOrderId(late.getId())
                                .setDueTime(timestamp(limit))
                                .setDueTimeMoved(true)
                                .build(),
                        ActionPlanItem.newBuilder()
                                .setElementCode("1.4")
                                .setRectificationOrderId(early.getId())
                                .setDueTime(early.getDueTime())
                                .build()),
                d.getActionPlanList());
        // The late order was brought forward in inspection-service, by the decision's actor.
        assertEquals(1, FakeInspections.ORDER_UPDATES.size());
        assertEquals("assessor-1", FakeInspections.ORDER_UPDATES.get(0).getActor());
        assertEquals(
                List.of("due_time"),
                FakeInspections.ORDER_UPDATES.get(0).getUpdateMask().getPathsList());
        assertEquals(timestamp(limit), FakeInspections.ORDERS.get(late.getId()).getDueTime());
        // The certification cycle heard of it, in the decision's transaction.
        assertEquals(1, DecidedEvents.FIRED.size());
        AccreditationDecided.Facts facts = DecidedEvents.FIRED.get(0);
        assertEquals(d.getId(), facts.decisionId().toString());
        assertEquals(
                List.of(UUID.fromString(late.getId()), UUID.fromString(early.getId())), facts.actionPlanOrderIds());
        assertEquals(limit, facts.actionPlanDueTime());
        assertEquals(36, facts.validityMonths());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_NATIONAL, facts.assessmentAuthority());

        // Deciding again on the same assessment returns the first decision and changes nothing.
        clock.advance(Duration.ofDays(2));
        assertEquals(d, decide(unit, code, "someone-else"));
        assertEquals(1, FakeInspections.ORDER_UPDATES.size());
        assertEquals(1, DecidedEvents.FIRED.size());
        assertEquals(
                d,
                accreditation.getAccreditationDecision(GetAccreditationDecisionRequest.newBuilder()
                        .setId(d.getId())
                        .build()));
        ListAccreditationDecisionsResponse list = accreditation.listAccreditationDecisions(
                ListAccreditationDecisionsRequest.newBuilder().setUnitId(unit).build());
        assertEquals(List.of(d), list.getDecisionsList());
    }

    @Test
    void aConcurrentChangeOfAnOrderIsReadAgainAndTheDueTimeMovedAtTheSecondTry() {
        String code = code("CSE");
        create(rules(code, "STD-A"), "");
        String unit = UUID.randomUUID().toString();
        InspectionResult latest = assessment(
                unit, "STD-A", NOW.minusSeconds(3600), "PARTIAL_COMPLIANCE", "COMPLIANT", "COMPLIANT", "COMPLIANT");
        FakeInspections.RESULTS.add(latest);
        Instant limit = NOW.atZone(ZONE).plusMonths(3).toInstant();
        RectificationOrder late = order(latest, "1.1", limit.plusSeconds(3600));
        FakeInspections.CONCURRENT_ORDER_CHANGES.set(1);

        AccreditationDecision d = decide(unit, code, "");

        assertEquals(2, FakeInspections.ORDER_UPDATES.size());
        assertTrue(d.getActionPlan(0).getDueTimeMoved());
        assertEquals(timestamp(limit), FakeInspections.ORDERS.get(late.getId()).getDueTime());
        assertEquals("api", d.getActor());
        assertEquals("api", FakeInspections.ORDER_UPDATES.get(1).getActor());
    }

    @Test
    void aPartialComplianceWithoutAnOrderFailsNamingItsElementAndWritesNothing() {
        String code = code("CSE");
        create(rules(code, "STD-A"), "");
        String unit = UUID.randomUUID().toString();
        InspectionResult latest = assessment(
                unit,
                "STD-A",
                NOW.minusSeconds(3600),
                "PARTIAL_COMPLIANCE",
                "COMPLIANT",
                "PARTIAL_COMPLIANCE",
                "COMPLIANT");
        FakeInspections.RESULTS.add(latest);
        order(latest, "1.1", NOW.plusSeconds(86_400 * 365));

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> decide(unit, code, ""));

        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("ACTION_PLAN_ORDER_MISSING", GrpcErrors.errorInfo(e).getReason());
        assertEquals(List.of("1.3"), GrpcErrors.preconditionSubjects(e));
        assertTrue(FakeInspections.ORDER_UPDATES.isEmpty());
        assertTrue(DecidedEvents.FIRED.isEmpty());
        assertEquals(0, decisionsOf(unit));
    }

    @Test
    void aUnitWithoutAFinalizedOnSiteAssessmentOfTheStandardIsRefusedSayingSo() {
        String code = code("CSE");
        create(rules(code, "STD-A"), "");
        String unit = UUID.randomUUID().toString();
        FakeInspections.RESULTS.add(assessment(unit, "STD-B", NOW.minusSeconds(60), "COMPLIANT"));
        // Finalized after now (a clock behind inspection-service's) is not read either.
        FakeInspections.RESULTS.add(assessment(unit, "STD-A", NOW.plusSeconds(3600), "COMPLIANT"));

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> decide(unit, code, ""));

        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("NO_FINALIZED_ON_SITE_ASSESSMENT", GrpcErrors.errorInfo(e).getReason());
        assertTrue(e.getStatus().getDescription().contains("no finalized on-site assessment against standard STD-A"));
        assertEquals(0, decisionsOf(unit));
    }

    @Test
    void aNonComplianceIsNotAccreditedAndTouchesNoOrder() {
        String code = code("CSE");
        AccreditationRules rules = create(rules(code, "STD-A"), "");
        String unit = UUID.randomUUID().toString();
        InspectionResult latest = assessment(
                unit, "STD-A", NOW.minusSeconds(60), "NON_COMPLIANCE", "PARTIAL_COMPLIANCE", "COMPLIANT", "COMPLIANT");
        FakeInspections.RESULTS.add(latest);
        order(latest, "1.1", NOW.plusSeconds(86_400 * 365));

        AccreditationDecision d = accreditation.decideAccreditation(DecideAccreditationRequest.newBuilder()
                .setUnitId(unit)
                .setRulesId(rules.getId())
                .build());

        assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_NOT_ACCREDITED, d.getOutcome());
        assertEquals("1 non-compliance (1.1), at most 0", d.getReasons(0));
        assertEquals(0, d.getActionPlanCount());
        assertFalse(d.hasActionPlanDueTime());
        assertTrue(FakeInspections.ORDER_UPDATES.isEmpty());
        assertEquals(1, DecidedEvents.FIRED.size());
    }

    @Test
    void racingIdenticalDecisionsAnswerTheOneThatWon() throws Exception {
        String code = code("CSE");
        create(rules(code, "STD-A"), "");
        String unit = UUID.randomUUID().toString();
        FakeInspections.RESULTS.add(assessment(
                unit, "STD-A", NOW.minusSeconds(60), "COMPLIANT", "COMPLIANCE_PLUS", "COMPLIANT", "COMPLIANT"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AccreditationDecision>> racing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racing.add(pool.submit(() -> decide(unit, code, "")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<AccreditationDecision> f : racing) {
                AccreditationDecision d = f.get();
                assertEquals(AccreditationOutcome.ACCREDITATION_OUTCOME_ACCREDITED, d.getOutcome());
                ids.add(d.getId());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, decisionsOf(unit));
    }

    @Test
    void malformedUnitsAndUnknownRulesAreInvalidArguments() {
        StatusRuntimeException malformed =
                assertThrows(StatusRuntimeException.class, () -> decide("not-a-uuid", "", ""));
        assertEquals(Status.Code.INVALID_ARGUMENT, malformed.getStatus().getCode());
        assertEquals(List.of("unit_id", "rules_code"), GrpcErrors.violatedFields(malformed));
        StatusRuntimeException unknown = assertThrows(
                StatusRuntimeException.class, () -> decide(UUID.randomUUID().toString(), code("NONE"), ""));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());
        assertEquals(List.of("rules_code"), GrpcErrors.violatedFields(unknown));
    }

    int decisionsOf(String unit) {
        return accreditation
                .listAccreditationDecisions(ListAccreditationDecisionsRequest.newBuilder()
                        .setUnitId(unit)
                        .build())
                .getDecisionsCount();
    }
}
