package org.sqm.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.ComplaintRateSource;
import org.sqm.proto.scoring.v1.ComplaintTimelinessSource;
import org.sqm.proto.scoring.v1.ComponentScore;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.DirectMapping;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.IndicatorSource;
import org.sqm.proto.scoring.v1.InputKind;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.RollUp;
import org.sqm.proto.scoring.v1.RollUpWeighting;
import org.sqm.proto.scoring.v1.SatisfactionIndexSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.TargetMapping;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.service.ScorecardInputs.CardRef;
import org.sqm.scoring.service.ScorecardInputs.Child;
import org.sqm.scoring.service.ScorecardInputs.ComplaintStats;
import org.sqm.scoring.service.ScorecardInputs.Customers;
import org.sqm.scoring.service.ScorecardInputs.Inspection;
import org.sqm.scoring.service.ScorecardInputs.Measurement;
import org.sqm.scoring.service.ScorecardInputs.Month;
import org.sqm.scoring.service.ScorecardInputs.SubPeriod;
import org.sqm.scoring.service.ScorecardInputs.SurveyGroup;
import org.sqm.scoring.service.ScorecardInputs.UnitInfo;
import org.sqm.scoring.service.ScorecardInputs.Violation;

/** The domain's worked examples, each computed by hand in the comments. */
class ScorecardCalculatorTest {

    static final double EPS = 1e-9;
    static final UnitInfo HALL =
            new UnitInfo("u-hall", "HALL-001", "Hall 1", UnitType.UNIT_TYPE_SERVICE_HALL, "u-city", 2);
    static final UnitInfo CITY = new UnitInfo("u-city", "CITY-1", "City", UnitType.UNIT_TYPE_CITY_BRANCH, "", 0);

    static ScoringModel.Builder model(MissingSourcePolicy policy, ScoreComponent... components) {
        return ScoringModel.newBuilder()
                .setId("model-1")
                .setCode("M")
                .setVersion(1)
                .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                .setMissingSourcePolicy(policy)
                .addAllComponents(List.of(components))
                .setBaseScore(100)
                .addGradeBands(GradeBand.newBuilder().setGrade("A").setMinScore(90))
                .addGradeBands(GradeBand.newBuilder().setGrade("B").setMinScore(80))
                .addGradeBands(GradeBand.newBuilder().setGrade("C").setMinScore(0));
    }

    static ScoreMapping direct() {
        return ScoreMapping.newBuilder()
                .setDirect(DirectMapping.getDefaultInstance())
                .build();
    }

    static ScoreMapping target(double target, double floor) {
        return ScoreMapping.newBuilder()
                .setTarget(TargetMapping.newBuilder().setTarget(target).setFloor(floor))
                .build();
    }

    static ScoreComponent component(String code, int weight, ComponentSource source, ScoreMapping mapping) {
        return ScoreComponent.newBuilder()
                .setCode(code)
                .setName(code)
                .setWeightBasisPoints(weight)
                .setSource(source)
                .setMapping(mapping)
                .build();
    }

    static ScoreComponent mysteryShopping(int weight, boolean failedCountsAsZero, int... levelWeights) {
        InspectionScoreSource.Builder source = InspectionScoreSource.newBuilder()
                .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                .setFailedCountsAsZero(failedCountsAsZero);
        AuthorityLevel[] levels = {AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, AuthorityLevel.AUTHORITY_LEVEL_CITY};
        for (int i = 0; i < levelWeights.length; i++) {
            source.addAuthorityWeights(
                    AuthorityWeight.newBuilder().setLevel(levels[i]).setWeightBasisPoints(levelWeights[i]));
        }
        return component(
                "MYSTERY_SHOPPING",
                weight,
                ComponentSource.newBuilder().setInspectionScore(source).build(),
                direct());
    }

    static Inspection shop(String id, AuthorityLevel level, Double score) {
        return new Inspection(id, InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING, level, score, false, List.of());
    }

    static Month inspections(Inspection... inspections) {
        return new Month(List.of(inspections), List.of(), Map.of(), null, null, List.of());
    }

    static final AuthorityLevel PROV = AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL;
    static final AuthorityLevel CITY_LEVEL = AuthorityLevel.AUTHORITY_LEVEL_CITY;

    static Scorecard month(ScoringModel.Builder model, Month inputs) {
        return ScorecardCalculator.month(model.build(), HALL, "2026-03", inputs, List.of());
    }

    @Test
    void hallIsHalfProvinceHalfCity() {
        // Province 80; city (90 + 94) / 2 = 92; 0.5 x 80 + 0.5 x 92 = 86 -> grade B.
        Scorecard card = month(
                model(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD, mysteryShopping(10000, true, 5000, 5000)),
                inspections(shop("i1", PROV, 80.0), shop("i2", CITY_LEVEL, 90.0), shop("i3", CITY_LEVEL, 94.0)));
        assertEquals(ScorecardStatus.SCORECARD_STATUS_SCORED, card.getStatus());
        ComponentScore c = card.getComponents(0);
        assertEquals(86, c.getRawValue(), EPS);
        assertEquals(86, c.getMappedValue(), EPS);
        assertEquals(100, c.getEffectiveWeightPercent(), EPS);
        assertEquals(86, c.getContribution(), EPS);
        assertEquals(86, card.getScore(), EPS);
        assertEquals("B", card.getGrade());
        assertEquals(
                List.of("i1", "i2", "i3"),
                c.getInputsList().stream().map(i -> i.getId()).toList());
        assertEquals("PROVINCIAL, score 80.0", c.getInputs(0).getDetail());
        assertEquals(InputKind.INPUT_KIND_INSPECTION, c.getInputs(0).getKind());
        assertTrue(c.getMappingRule().contains("PROVINCIAL mean 80.0 of 1 x 50.0 %"), c.getMappingRule());
        assertTrue(c.getMappingRule().endsWith("direct: 86.0"), c.getMappingRule());
    }

    @Test
    void hotlineIsAllProvince() {
        // Province (70 + 80) / 2 = 75; a city inspection is not weighed by the model.
        Scorecard card = month(
                model(MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA, mysteryShopping(10000, true, 10000)),
                inspections(shop("i1", PROV, 70.0), shop("i2", PROV, 80.0), shop("i3", CITY_LEVEL, 100.0)));
        assertEquals(75, card.getScore(), EPS);
        assertEquals("C", card.getGrade());
        assertEquals(2, card.getComponents(0).getInputsCount());
    }

    @Test
    void notApplicableInspectionsAreSkippedAndACriticalFailCountsZero() {
        // i2 had every element not applicable (no score): skipped. i1 failed on the critical E1.2 with
        // score 70: with failed_counts_as_zero province = 0, city = 90 -> 0.5 x 0 + 0.5 x 90 = 45.
        Inspection failed = new Inspection(
                "i1", InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING, PROV, 70.0, true, List.of("E1.2"));
        Month in = inspections(failed, shop("i2", PROV, null), shop("i3", CITY_LEVEL, 90.0));
        Scorecard zero = month(
                model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA,
                        mysteryShopping(10000, true, 5000, 5000)),
                in);
        assertEquals(45, zero.getScore(), EPS);
        assertEquals(
                "PROVINCIAL, score 70.0, failed: E1.2, counts 0",
                zero.getComponents(0).getInputs(0).getDetail());
        assertEquals(0, zero.getComponents(0).getInputs(0).getValue(), EPS);
        assertEquals(2, zero.getComponents(0).getInputsCount());
        // Without it the failed inspection keeps its 70: 0.5 x 70 + 0.5 x 90 = 80.
        Scorecard kept = month(
                model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA,
                        mysteryShopping(10000, false, 5000, 5000)),
                in);
        assertEquals(80, kept.getScore(), EPS);
    }

    @Test
    void aMissingAuthorityLevelIsReSpreadOrMakesTheComponentMissing() {
        // No city inspection: RESPREAD -> the province's 80 weighs 100 %.
        Month onlyProvince = inspections(shop("i1", PROV, 80.0));
        Scorecard respread = month(
                model(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD, mysteryShopping(10000, true, 5000, 5000)),
                onlyProvince);
        assertEquals(80, respread.getScore(), EPS);
        assertTrue(respread.getComponents(0).getMappingRule().contains("no CITY MYSTERY_SHOPPING inspection"));
        Scorecard insufficient = month(
                model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA,
                        mysteryShopping(10000, true, 5000, 5000)),
                onlyProvince);
        assertEquals(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA, insufficient.getStatus());
        assertFalse(insufficient.hasScore());
        assertEquals("", insufficient.getGrade());
        assertEquals(
                List.of("MYSTERY_SHOPPING: no CITY MYSTERY_SHOPPING inspection", "no component has data"),
                insufficient.getInsufficientDataReasonsList());
    }

    static final ComponentSource SATISFACTION = ComponentSource.newBuilder()
            .setSatisfactionIndex(SatisfactionIndexSource.getDefaultInstance())
            .build();
    static final ComponentSource TIMELINESS = ComponentSource.newBuilder()
            .setComplaintTimeliness(ComplaintTimelinessSource.getDefaultInstance())
            .build();

    static Month surveysAndComplaints(ComplaintStats complaints) {
        return new Month(
                List.of(),
                List.of(
                        new SurveyGroup("B2", "MOBILE", 20, 1800),
                        new SurveyGroup("B1", "MOBILE", 10, 800),
                        new SurveyGroup("B1", "HOME", 10, 600)),
                Map.of(),
                complaints,
                null,
                List.of());
    }

    @Test
    void aMissingComponentIsReSpreadOverThePresentOnes() {
        // Satisfaction: (800 + 600 + 1800) / 40 = 80; timeliness: none resolved, missing. RESPREAD:
        // satisfaction's 6000 of the 6000 present -> 100 %; score 80.
        Scorecard card = month(
                model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD,
                        component("SAT", 6000, SATISFACTION, direct()),
                        component("TIME", 4000, TIMELINESS, direct())),
                surveysAndComplaints(new ComplaintStats(5, 0, 0, 0, 0, 0)));
        assertEquals(ScorecardStatus.SCORECARD_STATUS_SCORED, card.getStatus());
        assertEquals(80, card.getComponents(0).getRawValue(), EPS);
        assertEquals(100, card.getComponents(0).getEffectiveWeightPercent(), EPS);
        assertFalse(card.getComponents(1).getPresent());
        assertFalse(card.getComponents(1).hasRawValue());
        assertEquals(
                "no complaint received in the period was resolved",
                card.getComponents(1).getMissingReason());
        assertEquals(80, card.getScore(), EPS);
        // The batches in order, each with the responses it gave.
        assertEquals(
                List.of("B1", "B2"),
                card.getComponents(0).getInputsList().stream()
                        .map(i -> i.getId())
                        .toList());
        assertEquals(20, card.getComponents(0).getInputs(0).getValue(), EPS);
        // With timeliness 90 % (9 of 10): 0.6 x 80 + 0.4 x 90 = 84.
        Scorecard both = month(
                model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD,
                        component("SAT", 6000, SATISFACTION, direct()),
                        component("TIME", 4000, TIMELINESS, direct())),
                surveysAndComplaints(new ComplaintStats(12, 10, 9, 0.9, 0, 0)));
        assertEquals(84, both.getScore(), EPS);
        assertEquals("u-hall/2026-03", both.getComponents(1).getInputs(0).getId());
    }

    @Test
    void aMissingComponentMakesTheUnitInsufficientUnderThatPolicy() {
        Scorecard card = month(
                model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA,
                        component("SAT", 6000, SATISFACTION, direct()),
                        component("TIME", 4000, TIMELINESS, direct())),
                surveysAndComplaints(null));
        assertEquals(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA, card.getStatus());
        assertFalse(card.hasScore());
        assertFalse(card.hasWeightedScore());
        assertEquals(2, card.getComponentsCount());
        assertEquals(
                List.of("TIME: no complaint received in the period was resolved"),
                card.getInsufficientDataReasonsList());
    }

    @Test
    void aSegmentAndAMinimumSample() {
        // MOBILE only: (800 + 1800) / 30 = 86.67; with a minimum sample of 31 it is missing.
        ComponentSource mobile = ComponentSource.newBuilder()
                .setSatisfactionIndex(
                        SatisfactionIndexSource.newBuilder().setSegment(CustomerSegment.CUSTOMER_SEGMENT_MOBILE))
                .build();
        Scorecard card = month(
                model(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD, component("SAT", 10000, mobile, direct())),
                surveysAndComplaints(null));
        assertEquals(2600.0 / 30, card.getScore(), EPS);
        ComponentSource tooFew = ComponentSource.newBuilder()
                .setSatisfactionIndex(SatisfactionIndexSource.newBuilder()
                        .setSegment(CustomerSegment.CUSTOMER_SEGMENT_MOBILE)
                        .setMinSample(31))
                .build();
        Scorecard missing = month(
                model(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD, component("SAT", 10000, tooFew, direct())),
                surveysAndComplaints(null));
        assertEquals(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA, missing.getStatus());
        assertEquals(
                "30 survey responses, fewer than the minimum sample 31",
                missing.getComponents(0).getMissingReason());
    }

    @Test
    void targetMappingsScoreBothDirections() {
        // First-call resolution 45 of 50 = 90 %, target 95 floor 80 (higher is better):
        // (90 - 80) / (95 - 80) x 100 = 66.67. Complaint rate 12 of 10 000 customers = 12 per 10 000,
        // target 5 floor 20 (lower is better): (20 - 12) / (20 - 5) x 100 = 53.33.
        // Equal weights: 0.5 x 66.67 + 0.5 x 53.33 = 60.
        ComponentSource fcr = ComponentSource.newBuilder()
                .setIndicator(IndicatorSource.newBuilder().setIndicatorCode("FCR"))
                .build();
        ComponentSource rate = ComponentSource.newBuilder()
                .setComplaintRate(ComplaintRateSource.getDefaultInstance())
                .build();
        Month in = new Month(
                List.of(),
                List.of(),
                Map.of("FCR", new Measurement("MB1", 45, 50, 0, 0)),
                new ComplaintStats(12, 10, 9, 0.9, 0, 0),
                new Customers("CB1", 10000),
                List.of());
        Scorecard card = month(
                model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA,
                        component("FCR", 5000, fcr, target(95, 80)),
                        component("RATE", 5000, rate, target(5, 20))),
                in);
        assertEquals(90, card.getComponents(0).getRawValue(), EPS);
        assertEquals(200.0 / 3, card.getComponents(0).getMappedValue(), EPS);
        assertEquals(
                "45 / 50 x 100 = 90.0; target 95.0, floor 80.0 (higher is better): (90.0 - 80.0) / (95.0 - 80.0) x 100"
                        + " = 66.67",
                card.getComponents(0).getMappingRule());
        assertEquals(12, card.getComponents(1).getRawValue(), EPS);
        assertEquals(160.0 / 3, card.getComponents(1).getMappedValue(), EPS);
        assertEquals(
                List.of(InputKind.INPUT_KIND_CUSTOMERS_SERVED_BATCH, InputKind.INPUT_KIND_COMPLAINT_STATISTICS),
                card.getComponents(1).getInputsList().stream()
                        .map(i -> i.getKind())
                        .toList());
        assertEquals(60, card.getScore(), EPS);
        // Beyond the target: 97.5 % -> (97.5 - 80) / 15 x 100 = 116.7, capped at 100.
        assertEquals(100, ScorecardCalculator.map(target(95, 80), 97.5), EPS);
        // Beyond the floor of a lower-is-better target: 25 per 10 000 -> 0.
        assertEquals(0, ScorecardCalculator.map(target(5, 20), 25), EPS);
        // Direct mapping clamps too.
        assertEquals(100, ScorecardCalculator.map(direct(), 104), EPS);
    }

    static Violation violation(String id, String rule, int millis, String day) {
        return new Violation(id, rule, millis, Instant.parse("2026-03-" + day + "T02:00:00Z"));
    }

    @Test
    void deductionsPerRuleAndTheCap() {
        // Hall 86 (as above). Deductions: two late reports 0.5 each, one major problem without an
        // improvement measure 1, one supervision order not fixed in time 1, one not reported in time 1,
        // one cause not found 1; a violation under a rule the model does not name costs nothing.
        // 0.5 + 0.5 + 1 + 1 + 1 + 1 = 5 -> 86 - 5 = 81.
        List<Violation> violations = List.of(
                violation("v6", "SUPERVISION_CAUSE_NOT_FOUND", 1000, "20"),
                violation("v1", "LATE_REPORT", 500, "03"),
                violation("v2", "LATE_REPORT", 500, "03"),
                violation("v3", "MAJOR_PROBLEM_NO_MEASURE", 1000, "05"),
                violation("v4", "SUPERVISION_NOT_FIXED_IN_TIME", 1000, "09"),
                violation("v5", "SUPERVISION_NOT_REPORTED_IN_TIME", 1000, "11"),
                violation("v7", "OTHER", 3000, "12"));
        Month in = new Month(
                List.of(shop("i1", PROV, 80.0), shop("i2", CITY_LEVEL, 92.0)),
                List.of(),
                Map.of(),
                null,
                null,
                violations);
        ScoringModel.Builder model = model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD, mysteryShopping(10000, true, 5000, 5000))
                .addAllDeductionRuleCodes(List.of(
                        "LATE_REPORT",
                        "MAJOR_PROBLEM_NO_MEASURE",
                        "SUPERVISION_NOT_FIXED_IN_TIME",
                        "SUPERVISION_NOT_REPORTED_IN_TIME",
                        "SUPERVISION_CAUSE_NOT_FOUND"));
        Scorecard card = month(model, in);
        assertEquals(
                List.of("v1", "v2", "v3", "v4", "v5", "v6"),
                card.getDeductionsList().stream().map(d -> d.getViolationId()).toList());
        assertEquals(0.5, card.getDeductions(0).getPoints(), EPS);
        assertEquals(1, card.getDeductions(2).getPoints(), EPS);
        assertEquals(5, card.getDeductionPoints(), EPS);
        assertFalse(card.getDeductionCapped());
        assertEquals(86, card.getWeightedScore(), EPS);
        assertEquals(81, card.getScore(), EPS);
        assertEquals("B", card.getGrade());
        // Capped at 3 points: 86 - 3 = 83.
        Scorecard capped = month(model.clone().setDeductionCapPoints(3), in);
        assertEquals(3, capped.getDeductionPoints(), EPS);
        assertTrue(capped.getDeductionCapped());
        assertEquals(83, capped.getScore(), EPS);
        // A base score of 50: 86 x 50 / 100 - 5 = 38; never below 0 (base 4: 3.44 - 5 -> 0).
        assertEquals(38, month(model.clone().setBaseScore(50), in).getScore(), EPS);
        assertEquals(0, month(model.clone().setBaseScore(4), in).getScore(), EPS);
    }

    static CardRef ref(String unit, Double score) {
        return new CardRef("card-" + unit, unit, "2026-03", score, "fp-" + unit);
    }

    static UnitInfo hall(String id, String code) {
        return new UnitInfo(id, code, code, UnitType.UNIT_TYPE_SERVICE_HALL, "u-city", 1);
    }

    static ScoringModel.Builder rollUp(RollUpWeighting weighting, MissingSourcePolicy policy) {
        return model(policy)
                .setUnitType(UnitType.UNIT_TYPE_CITY_BRANCH)
                .setRollUp(RollUp.newBuilder().setWeighting(weighting));
    }

    @Test
    void aRollUpWeighsItsChildrenEquallyOrByCustomersServed() {
        List<Child> children = List.of(
                new Child(hall("b", "H-B"), ref("b", 90.0), new Customers("CB", 3000)),
                new Child(hall("a", "H-A"), ref("a", 80.0), new Customers("CB", 1000)),
                new Child(hall("c", "H-C"), ref("c", null), new Customers("CB", 500)),
                new Child(hall("d", "H-D"), null, null));
        // Equal: (80 + 90) / 2 = 85; c (insufficient) and d (no scorecard) left out.
        Scorecard equal = ScorecardCalculator.month(
                rollUp(RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL, MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                        .build(),
                CITY,
                "2026-03",
                Month.empty(),
                children);
        assertEquals(85, equal.getScore(), EPS);
        assertEquals(
                List.of("H-A", "H-B", "H-C", "H-D"),
                equal.getChildrenList().stream().map(c -> c.getUnitCode()).toList());
        assertEquals(50, equal.getChildren(0).getEffectiveWeightPercent(), EPS);
        assertEquals(40, equal.getChildren(0).getContribution(), EPS);
        assertEquals("insufficient data", equal.getChildren(2).getMissingReason());
        assertEquals("no scorecard", equal.getChildren(3).getMissingReason());
        // By customers: a 1000 and b 3000 -> 0.25 x 80 + 0.75 x 90 = 87.5.
        Scorecard byCustomers = ScorecardCalculator.month(
                rollUp(
                                RollUpWeighting.ROLL_UP_WEIGHTING_CUSTOMERS_SERVED,
                                MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                        .build(),
                CITY,
                "2026-03",
                Month.empty(),
                children);
        assertEquals(87.5, byCustomers.getScore(), EPS);
        assertEquals(25, byCustomers.getChildren(0).getEffectiveWeightPercent(), EPS);
        assertEquals(1000, byCustomers.getChildren(0).getCustomersServed());
        // INSUFFICIENT_DATA: a missing child makes the roll-up insufficient.
        Scorecard insufficient = ScorecardCalculator.month(
                rollUp(
                                RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL,
                                MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA)
                        .build(),
                CITY,
                "2026-03",
                Month.empty(),
                children);
        assertEquals(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA, insufficient.getStatus());
        assertEquals(
                List.of("child H-C: insufficient data", "child H-D: no scorecard"),
                insufficient.getInsufficientDataReasonsList());
        // No child with a score: insufficient under either policy.
        Scorecard none = ScorecardCalculator.month(
                rollUp(RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL, MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                        .build(),
                CITY,
                "2026-03",
                Month.empty(),
                List.of());
        assertEquals(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA, none.getStatus());
    }

    @Test
    void aRollUpHasItsOwnDeductions() {
        // (80 + 90) / 2 = 85, minus a 1-point violation of the city itself: 84.
        Scorecard card = ScorecardCalculator.month(
                rollUp(RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL, MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                        .addDeductionRuleCodes("MAJOR_PROBLEM_NO_MEASURE")
                        .build(),
                CITY,
                "2026-03",
                new Month(
                        List.of(),
                        List.of(),
                        Map.of(),
                        null,
                        null,
                        List.of(violation("v1", "MAJOR_PROBLEM_NO_MEASURE", 1000, "04"))),
                List.of(
                        new Child(hall("a", "H-A"), ref("a", 80.0), null),
                        new Child(hall("b", "H-B"), ref("b", 90.0), null)));
        assertEquals(84, card.getScore(), EPS);
    }

    static SubPeriod sub(String period, Double score) {
        return new SubPeriod(period, new CardRef("card-" + period, "u-hall", period, score, "fp"));
    }

    @Test
    void aQuarterIsTheMeanOfItsMonths() {
        // (80 + 90 + 85) / 3 = 85 -> B.
        ScoringModel respread =
                model(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD).build();
        Scorecard q = ScorecardCalculator.average(
                respread, HALL, "2026-Q1", List.of(sub("2026-01", 80.0), sub("2026-02", 90.0), sub("2026-03", 85.0)));
        assertEquals(85, q.getScore(), EPS);
        assertEquals("B", q.getGrade());
        assertEquals(3, q.getSubPeriodsCount());
        assertEquals(0, q.getDeductionsCount());
        // February insufficient: RESPREAD -> (80 + 85) / 2 = 82.5; INSUFFICIENT_DATA -> no score.
        List<SubPeriod> gap = List.of(sub("2026-01", 80.0), sub("2026-02", null), sub("2026-03", 85.0));
        Scorecard partial = ScorecardCalculator.average(respread, HALL, "2026-Q1", gap);
        assertEquals(82.5, partial.getScore(), EPS);
        assertFalse(partial.getSubPeriods(1).getPresent());
        assertEquals("insufficient data", partial.getSubPeriods(1).getMissingReason());
        Scorecard insufficient = ScorecardCalculator.average(
                model(MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA)
                        .build(),
                HALL,
                "2026-Q1",
                gap);
        assertEquals(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA, insufficient.getStatus());
        assertEquals(List.of("2026-02: insufficient data"), insufficient.getInsufficientDataReasonsList());
        // A year: the mean of its quarters, (85 + 75 + 90 + 70) / 4 = 80.
        Scorecard year = ScorecardCalculator.average(
                respread,
                HALL,
                "2026",
                List.of(sub("2026-Q1", 85.0), sub("2026-Q2", 75.0), sub("2026-Q3", 90.0), sub("2026-Q4", 70.0)));
        assertEquals(80, year.getScore(), EPS);
    }

    @Test
    void theSameInputsGiveTheSameBytesAndFingerprint() {
        ScoringModel model = model(
                        MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD,
                        mysteryShopping(5000, true, 5000, 5000),
                        component("SAT", 5000, SATISFACTION, direct()))
                .addDeductionRuleCodes("LATE_REPORT")
                .build();
        List<Inspection> inspections = new ArrayList<>(
                List.of(shop("i1", PROV, 80.0), shop("i2", CITY_LEVEL, 90.0), shop("i3", CITY_LEVEL, 94.0)));
        List<Violation> violations = new ArrayList<>(
                List.of(violation("v1", "LATE_REPORT", 500, "03"), violation("v2", "LATE_REPORT", 500, "02")));
        Month in = new Month(inspections, surveysAndComplaints(null).surveys(), Map.of(), null, null, violations);
        Scorecard first = ScorecardCalculator.month(model, HALL, "2026-03", in, List.of());
        Collections.reverse(inspections);
        Collections.reverse(violations);
        List<SurveyGroup> surveys = new ArrayList<>(in.surveys());
        Collections.reverse(surveys);
        Scorecard second = ScorecardCalculator.month(
                model, HALL, "2026-03", new Month(inspections, surveys, Map.of(), null, null, violations), List.of());
        assertEquals(first.getExplanation(), second.getExplanation());
        assertEquals(first.getInputsFingerprint(), second.getInputsFingerprint());
        assertEquals(64, first.getInputsFingerprint().length());
        assertEquals(first, ScorecardCalculator.parse(first.getExplanation()).build());
        // One value changed: another fingerprint.
        inspections.set(0, shop("i3", CITY_LEVEL, 95.0));
        Scorecard third = ScorecardCalculator.month(
                model, HALL, "2026-03", new Month(inspections, surveys, Map.of(), null, null, violations), List.of());
        assertNotEquals(first.getInputsFingerprint(), third.getInputsFingerprint());
        assertNotEquals(first.getExplanation(), third.getExplanation());
    }
}
