package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.UnitFigures;
import org.sqm.testing.EmbeddedPostgresResource;

/**
 * The figures a recompute stores with each scorecard (read through {@link UnitFigures.Source}), in the
 * second quarter of 2021, which no other test scores.
 *
 * <p>April: hall 1 answers 8, 9, 10 (80, 90, 100: index 90 of 3), resolves 9 of 10 complaints on time
 * (90 %) with 12 received of 4000 customers (30 per 10 000) and 45 of 50 calls (90 %); hall 2 answers 6
 * (60 of 1), 1 of 2 on time (50 %), 3 of 1000 customers (30), 30 of 40 calls (75 %). The city pools
 * them: (270 + 60) / 4 = 82.5 of 4, 10 of 12 on time, 15 of 5000 customers (30). May: hall 1 answers 7
 * (70 of 1) and nothing else. The quarter pools the months: hall 1 (270 + 70) / 4 = 85 of 4, 9 of 10,
 * 12 of 4000, calls 90 of 50; the city (330 + 70) / 5 = 80 of 5.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class UnitFiguresTest {

    static final double EPS = 1e-9;

    @Inject
    UnitFigures.Source source;

    @Inject
    PerformanceScenario s;

    @BeforeEach
    void scenario() {
        s.setUp();
        s.surveys(s.hall1, "2021-04-10", 8, 9, 10);
        s.complaints(s.hall1, "2021-04-01", 12, 10, 9);
        s.customers(s.hall1, "2021-04", 4000);
        s.calls(s.hall1, "2021-04", 45, 50);
        s.surveys(s.hall2, "2021-04-30", 6);
        s.complaints(s.hall2, "2021-04-01", 3, 2, 1);
        s.customers(s.hall2, "2021-04", 1000);
        s.calls(s.hall2, "2021-04", 30, 40);
        s.surveys(s.hall1, "2021-05-01", 7);
    }

    @AfterEach
    void feedsBack() {
        FakeBackends.resetFeeds();
    }

    Map<UUID, UnitFigures> current(String period) {
        return source.current(Period.parse(period).orElseThrow());
    }

    static UUID id(String unit) {
        return UUID.fromString(unit);
    }

    @Test
    void aMonthAQuarterAndARollUpCarryTheirFiguresWithTheirCounts() {
        s.recompute("2021-Q2");

        Map<UUID, UnitFigures> april = current("2021-04");
        UnitFigures h1 = april.get(id(s.hall1));
        assertEquals(90.0, h1.satisfactionIndex(), EPS);
        assertEquals(3, h1.responses());
        assertEquals(90.0, h1.timeliness(), EPS);
        assertEquals(9, h1.resolvedOnTime());
        assertEquals(10, h1.resolved());
        assertEquals(30.0, h1.complaintRate(), EPS);
        assertEquals(12, h1.complaints());
        assertEquals(4000, h1.customersServed());
        assertEquals(List.of(new UnitFigures.Indicator(s.calls, 90.0, 50)), h1.indicators());
        assertEquals("SERVICE_HALL", h1.unitType());
        assertEquals(1, h1.level());
        assertEquals(UUID.fromString(s.hallModel.getId()), h1.modelId());
        String cardId = s.scorecards
                .getScorecard(GetScorecardRequest.newBuilder()
                        .setUnitId(s.hall1)
                        .setPeriod("2021-04")
                        .build())
                .getId();
        assertEquals(UUID.fromString(cardId), h1.scorecardId());

        UnitFigures h2 = april.get(id(s.hall2));
        assertEquals(60.0, h2.satisfactionIndex(), EPS);
        assertEquals(50.0, h2.timeliness(), EPS);
        assertEquals(List.of(new UnitFigures.Indicator(s.calls, 75.0, 40)), h2.indicators());

        UnitFigures city = april.get(id(s.city));
        assertEquals(82.5, city.satisfactionIndex(), EPS);
        assertEquals(4, city.responses());
        assertEquals(1000.0 / 12, city.timeliness(), EPS);
        assertEquals(10, city.resolvedOnTime());
        assertEquals(12, city.resolved());
        assertEquals(30.0, city.complaintRate(), EPS);
        assertEquals(15, city.complaints());
        assertEquals(5000, city.customersServed());
        assertEquals(List.of(), city.indicators(), "a roll-up model has no indicator");
        assertEquals(0, city.level());
        assertEquals(UUID.fromString(s.cityModel.getId()), city.modelId());

        UnitFigures may = current("2021-05").get(id(s.hall1));
        assertEquals(70.0, may.satisfactionIndex(), EPS);
        assertNull(may.timeliness(), "nothing resolved");
        assertEquals(0, may.resolved());
        assertNull(may.complaintRate(), "no customers-served figure");
        assertEquals(0, may.customersServed());
        assertEquals(List.of(new UnitFigures.Indicator(s.calls, null, 0)), may.indicators());
        UnitFigures june = current("2021-06").get(id(s.hall2));
        assertNull(june.satisfactionIndex());
        assertEquals(0, june.responses());

        Map<UUID, UnitFigures> quarter = current("2021-Q2");
        UnitFigures q1 = quarter.get(id(s.hall1));
        assertEquals(85.0, q1.satisfactionIndex(), EPS);
        assertEquals(4, q1.responses());
        assertEquals(90.0, q1.timeliness(), EPS);
        assertEquals(30.0, q1.complaintRate(), EPS);
        assertEquals(4000, q1.customersServed());
        assertEquals(List.of(new UnitFigures.Indicator(s.calls, 90.0, 50)), q1.indicators());
        UnitFigures cityQuarter = quarter.get(id(s.city));
        assertEquals(80.0, cityQuarter.satisfactionIndex(), EPS);
        assertEquals(5, cityQuarter.responses());
        assertEquals(15, cityQuarter.complaints());
        assertEquals(30.0, cityQuarter.complaintRate(), EPS);
    }

    @Test
    void theFiguresBecomeCurrentWithTheirRunsScorecards() {
        s.recompute("2021-Q2");
        UnitFigures before = current("2021-04").get(id(s.hall1));
        // A zero for hall 1 in April: (270 + 0) / 4 = 67.5, once April is recomputed.
        s.surveys(s.hall1, "2021-04-11", 0);
        assertEquals(before, current("2021-04").get(id(s.hall1)), "nothing changes before a recompute");
        s.recompute("2021-04");
        UnitFigures after = current("2021-04").get(id(s.hall1));
        assertEquals(67.5, after.satisfactionIndex(), EPS);
        assertEquals(4, after.responses());
        assertNotEquals(before.scorecardId(), after.scorecardId());
        assertEquals(
                85.0,
                current("2021-Q2").get(id(s.hall1)).satisfactionIndex(),
                EPS,
                "the quarter stays its own run's until it is recomputed");
    }
}
