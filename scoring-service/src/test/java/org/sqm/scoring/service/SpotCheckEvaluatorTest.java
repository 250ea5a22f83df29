package org.sqm.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.SpotCheckSpec;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.domain.TriggeredSpotCheck.Figure;

/** The trigger rules of spot_checks.proto on figures built by hand. */
class SpotCheckEvaluatorTest {

    static final UUID MODEL = UUID.randomUUID();
    static final SpotCheckSpec SPEC = SpotCheckSpec.newBuilder()
            .setStandardCode("SQM-HALL-HOTLINE")
            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
            .setWindowDays(14)
            .build();

    /** Figures by month, then unit. */
    final Map<String, Map<UUID, UnitFigures>> months = new HashMap<>();

    final List<String> reads = new ArrayList<>();

    static SpotCheckTrigger rateHigh(int months, int minUnits) {
        return SpotCheckTrigger.newBuilder()
                .setCode("RATE")
                .setComplaintRateAboveUpperQuartile(ComplaintRateAboveUpperQuartile.newBuilder()
                        .setConsecutiveMonths(months)
                        .setMinUnits(minUnits))
                .setSpotCheck(SPEC)
                .build();
    }

    static SpotCheckTrigger drop(double points, int minSample) {
        return SpotCheckTrigger.newBuilder()
                .setCode("DROP")
                .setSatisfactionIndexDrop(
                        SatisfactionIndexDrop.newBuilder().setPoints(points).setMinSample(minSample))
                .setSpotCheck(SPEC)
                .build();
    }

    void rate(String month, UUID unit, Double rate) {
        put(month, unit, rate, null, 0, 2);
    }

    void index(String month, UUID unit, double index, long responses) {
        put(month, unit, null, index, responses, 2);
    }

    void put(String month, UUID unit, Double rate, Double index, long responses, int level) {
        months.computeIfAbsent(month, m -> new HashMap<>())
                .put(
                        unit,
                        new UnitFigures(
                                unit,
                                "SERVICE_HALL",
                                level,
                                UUID.randomUUID(),
                                MODEL,
                                index,
                                responses,
                                null,
                                0,
                                0,
                                rate,
                                0,
                                0,
                                List.of()));
    }

    List<SpotCheckEvaluator.Fired> evaluate(String month, SpotCheckTrigger... triggers) {
        return SpotCheckEvaluator.evaluate(
                Period.parse(month).orElseThrow(),
                p -> {
                    reads.add(p.text());
                    return months.getOrDefault(p.text(), Map.of());
                },
                Map.of(MODEL, List.of(triggers)));
    }

    static List<UUID> units(int n) {
        List<UUID> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(UUID.randomUUID());
        }
        return units;
    }

    @Test
    void theUpperQuartileInterpolatesBetweenClosestRanks() {
        assertEquals(3.25, SpotCheckEvaluator.upperQuartile(new double[] {1, 2, 3, 4}));
        assertEquals(4, SpotCheckEvaluator.upperQuartile(new double[] {1, 2, 3, 4, 5}));
        assertEquals(10, SpotCheckEvaluator.upperQuartile(new double[] {10}));
    }

    @Test
    void aRateAboveTheQuartileTwoMonthsRunningFiresOnceForTheSecondMonth() {
        List<UUID> u = units(4);
        // Quartile of {10, 20, 30, 40} is 32.5; of {10, 20, 30, 50} is 35.
        for (String m : List.of("2026-01", "2026-02", "2026-03", "2026-04")) {
            rate(m, u.get(0), 10.0);
            rate(m, u.get(1), 20.0);
            rate(m, u.get(2), 30.0);
        }
        rate("2026-01", u.get(3), 30.0);
        rate("2026-02", u.get(3), 40.0);
        rate("2026-03", u.get(3), 50.0);
        rate("2026-04", u.get(3), 50.0);

        assertEquals(List.of(), evaluate("2026-02", rateHigh(2, 0)), "one month above is not two");
        reads.clear();
        List<SpotCheckEvaluator.Fired> fired = evaluate("2026-03", rateHigh(2, 0));
        assertEquals(1, fired.size());
        SpotCheckEvaluator.Fired f = fired.get(0);
        assertEquals(u.get(3), f.unitId());
        assertEquals("2026-03", f.period());
        assertEquals(MODEL, f.modelId());
        assertEquals(
                "complaint rate above the upper quartile of SERVICE_HALL units at level 2 2 months running"
                        + " (2026-02 to 2026-03)",
                f.reason());
        assertEquals(
                List.of(
                        new Figure(SpotCheckEvaluator.RATE, "2026-02", 40),
                        new Figure("upper quartile, SERVICE_HALL level 2", "2026-02", 32.5),
                        new Figure("units with a rate, SERVICE_HALL level 2", "2026-02", 4),
                        new Figure(SpotCheckEvaluator.RATE, "2026-03", 50),
                        new Figure("upper quartile, SERVICE_HALL level 2", "2026-03", 35),
                        new Figure("units with a rate, SERVICE_HALL level 2", "2026-03", 4)),
                f.figures());
        assertEquals(List.of("2026-03", "2026-02", "2026-01"), reads, "one read per month, only those needed");

        assertEquals(List.of(), evaluate("2026-04", rateHigh(2, 0)), "a run that goes on fires once");
    }

    @Test
    void aRateAtTheQuartileOrAmongTooFewUnitsIsNotAbove() {
        List<UUID> u = units(4);
        for (String m : List.of("2026-02", "2026-03")) {
            rate(m, u.get(0), 40.0);
            rate(m, u.get(1), 40.0);
            rate(m, u.get(2), 40.0);
            rate(m, u.get(3), 40.0);
        }
        assertEquals(List.of(), evaluate("2026-03", rateHigh(1, 0)), "equal to the quartile is not above");

        months.clear();
        List<UUID> three = units(3);
        for (String m : List.of("2026-02", "2026-03")) {
            rate(m, three.get(0), 1.0);
            rate(m, three.get(1), 2.0);
        }
        rate("2026-02", three.get(2), 2.0);
        rate("2026-03", three.get(2), 90.0);
        assertEquals(List.of(), evaluate("2026-03", rateHigh(1, 0)), "3 units are fewer than the default 4");
        assertEquals(1, evaluate("2026-03", rateHigh(1, 3)).size(), "3 units are enough when min_units is 3");
    }

    @Test
    void aMonthNotScoredBreaksTheRunAndUnitsOfOtherLevelsAreNotCompared() {
        List<UUID> u = units(5);
        for (String m : List.of("2026-01", "2026-02", "2026-03")) {
            rate(m, u.get(0), 10.0);
            rate(m, u.get(1), 20.0);
            rate(m, u.get(2), 30.0);
        }
        rate("2026-01", u.get(3), 90.0);
        rate("2026-03", u.get(3), 90.0);
        // A unit at level 3 with a huge rate does not change level 2's quartile.
        put("2026-03", u.get(4), 500.0, null, 0, 3);
        put("2026-01", u.get(4), 500.0, null, 0, 3);
        assertEquals(List.of(), evaluate("2026-03", rateHigh(2, 0)), "2026-02 not scored: not above");
        List<SpotCheckEvaluator.Fired> single = evaluate("2026-03", rateHigh(1, 3));
        assertEquals(1, single.size(), "2026-02 not scored counts as not above before the run");
        assertEquals(u.get(3), single.get(0).unitId());
        assertEquals(
                "complaint rate above the upper quartile of SERVICE_HALL units at level 2 in 2026-03",
                single.get(0).reason());
    }

    @Test
    void aDropOfMoreThanThePointsWithEnoughResponsesFires() {
        UUID fell = UUID.randomUUID();
        UUID equal = UUID.randomUUID();
        UUID small = UUID.randomUUID();
        UUID firstMonth = UUID.randomUUID();
        index("2026-02", fell, 82.5, 40);
        index("2026-03", fell, 70.25, 30);
        index("2026-02", equal, 80, 40);
        index("2026-03", equal, 70, 40);
        index("2026-02", small, 90, 29);
        index("2026-03", small, 50, 40);
        index("2026-03", firstMonth, 10, 40);

        List<SpotCheckEvaluator.Fired> fired = evaluate("2026-03", drop(10, 0));
        assertEquals(
                List.of(fell),
                fired.stream().map(SpotCheckEvaluator.Fired::unitId).toList());
        SpotCheckEvaluator.Fired f = fired.get(0);
        assertEquals(
                "satisfaction index fell by 12.25 points from 2026-02 to 2026-03 (82.5 to 70.25), more than 10"
                        + " points",
                f.reason());
        assertEquals(
                List.of(
                        new Figure(SpotCheckEvaluator.INDEX, "2026-02", 82.5),
                        new Figure(SpotCheckEvaluator.RESPONSES, "2026-02", 40),
                        new Figure(SpotCheckEvaluator.INDEX, "2026-03", 70.25),
                        new Figure(SpotCheckEvaluator.RESPONSES, "2026-03", 30),
                        new Figure("drop in points", "2026-03", 12.25)),
                f.figures());
        assertTrue(evaluate("2026-03", drop(10, 29)).stream()
                .anyMatch(x -> x.unitId().equals(small)));
        assertEquals(List.of(), evaluate("2026-03", drop(12.25, 0)), "a drop equal to the points does not fire");
        assertEquals(List.of(), evaluate("2026-03", drop(10, 31)), "30 responses are fewer than 31");
    }

    @Test
    void unitsWhoseModelHasNoTriggersAreLeftAlone() {
        UUID unit = UUID.randomUUID();
        index("2026-02", unit, 90, 40);
        index("2026-03", unit, 10, 40);
        assertEquals(
                List.of(),
                SpotCheckEvaluator.evaluate(
                        Period.parse("2026-03").orElseThrow(),
                        p -> months.getOrDefault(p.text(), Map.of()),
                        Map.of(UUID.randomUUID(), List.of(drop(1, 1)))));
    }

    @Test
    void theOriginKeepsTheNewestMonthsWholeWithinTwentyFigures() {
        List<Figure> all = new ArrayList<>();
        for (int m = 1; m <= 8; m++) {
            String month = "2026-0" + m;
            all.add(new Figure("rate", month, m));
            all.add(new Figure("quartile", month, m));
            all.add(new Figure("units", month, m));
        }
        List<Figure> kept = SpotChecks.originFigures(all);
        assertEquals(18, kept.size());
        assertEquals("2026-03", kept.get(0).period());
        assertEquals("2026-08", kept.get(17).period());
        assertEquals(all.subList(0, 6), SpotChecks.originFigures(all.subList(0, 6)));
    }
}
