package org.sqm.inspection.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CadenceTest {

    static List<String> periods(Cadence cadence, String start, String end, String through) {
        return cadence
                .periods(LocalDate.parse(start), LocalDate.parse(end), List.of(), LocalDate.parse(through))
                .stream()
                .map(p -> p.first() + ".." + p.end())
                .toList();
    }

    @Test
    void dailyPeriodsAreOneDayEach() {
        assertEquals(
                List.of("2026-03-30..2026-03-31", "2026-03-31..2026-04-01", "2026-04-01..2026-04-02"),
                periods(Cadence.DAILY, "2026-03-30", "2026-04-10", "2026-04-01"));
    }

    @Test
    void halfYearsStartInJanuaryAndJulyCutToThePlan() {
        assertEquals(
                List.of("2026-03-15..2026-07-01", "2026-07-01..2027-01-01", "2027-01-01..2027-07-01"),
                periods(Cadence.HALF_YEARLY, "2026-03-15", "2027-12-31", "2027-01-01"));
    }

    @Test
    void yearsAreCalendarYearsCutToThePlan() {
        assertEquals(
                List.of("2026-06-01..2027-01-01", "2027-01-01..2028-01-01", "2028-01-01..2028-04-01"),
                periods(Cadence.ANNUAL, "2026-06-01", "2028-03-31", "2028-12-31"));
    }
}
