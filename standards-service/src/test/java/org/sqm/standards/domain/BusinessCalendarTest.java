package org.sqm.standards.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sqm.standards.domain.BusinessCalendar.Interval;
import org.sqm.standards.domain.BusinessCalendar.Window;

class BusinessCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static BusinessCalendar office(LocalDate... holidays) {
        List<Window> windows = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            windows.add(new Window(day, 9 * 60, 17 * 60));
        }
        return new BusinessCalendar(LONDON, false, windows, Set.of(holidays));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Interval pause(String from, String to) {
        return new Interval(at(from), at(to));
    }

    @Test
    void fridayEveningRunsOnIntoMonday() {
        // 2026-03-06 is a Friday; London is on GMT (UTC+0) until 29 March.
        assertEquals(
                at("2026-03-09T10:00:00Z"),
                office().dueTime(at("2026-03-06T16:00:00Z"), Duration.ofHours(2), List.of())
                        .orElseThrow());
        assertEquals(
                at("2026-03-09T10:00:00Z"),
                office().dueTime(at("2026-03-06T18:30:00Z"), Duration.ofHours(1), List.of())
                        .orElseThrow(),
                "a clock started after hours starts with the next working hour");
        assertEquals(
                Duration.ofHours(2),
                office().businessTime(at("2026-03-06T16:00:00Z"), at("2026-03-09T10:00:00Z"), List.of()));
    }

    @Test
    void aPublicHolidayIsSkipped() {
        assertEquals(
                at("2026-03-10T10:00:00Z"),
                office(LocalDate.parse("2026-03-09"))
                        .dueTime(at("2026-03-06T16:00:00Z"), Duration.ofHours(2), List.of())
                        .orElseThrow());
    }

    @Test
    void fifteenWorkingDaysEndOnTheThirdFriday() {
        assertEquals(
                at("2026-03-20T17:00:00Z"),
                office().dueTime(at("2026-03-02T09:00:00Z"), Duration.ofHours(15 * 8), List.of())
                        .orElseThrow());
    }

    @Test
    void workingHoursFollowTheWallClockAcrossDaylightSaving() {
        // Monday 30 March 2026 is the first working day on BST (UTC+1): 09:00 local is 08:00Z.
        assertEquals(
                at("2026-03-30T09:00:00Z"),
                office().dueTime(at("2026-03-27T16:00:00Z"), Duration.ofHours(2), List.of())
                        .orElseThrow());
    }

    @Test
    void aDayWithADaylightSavingSwitchHasItsRealLength() {
        // On Sunday 29 March 2026 the clocks skip 01:00-02:00: a 00:00-24:00 day lasts 23 hours.
        var sundays = new BusinessCalendar(LONDON, false, List.of(new Window(DayOfWeek.SUNDAY, 0, 24 * 60)), Set.of());
        assertEquals(
                Duration.ofHours(23),
                sundays.businessTime(at("2026-03-29T00:00:00Z"), at("2026-03-30T00:00:00Z"), List.of()));
        assertEquals(
                at("2026-04-04T23:00:00Z").plus(Duration.ofHours(1)),
                sundays.dueTime(at("2026-03-29T00:00:00Z"), Duration.ofHours(24), List.of())
                        .orElseThrow(),
                "23 hours on 29 March, the 24th hour on Sunday 5 April from 00:00 BST (4 April 23:00Z)");
        // On Sunday 25 October 2026 the clocks repeat 01:00-02:00: a 00:00-06:00 window lasts 7 hours.
        var earlySundays =
                new BusinessCalendar(LONDON, false, List.of(new Window(DayOfWeek.SUNDAY, 0, 6 * 60)), Set.of());
        assertEquals(
                Duration.ofHours(7),
                earlySundays.businessTime(at("2026-10-24T12:00:00Z"), at("2026-10-26T00:00:00Z"), List.of()));
    }

    @Test
    void aTwentyFourSevenCalendarCountsEveryInstant() {
        var always = new BusinessCalendar(LONDON, true, List.of(), Set.of());
        Instant start = at("2026-03-28T20:00:00Z");
        assertEquals(
                start.plus(Duration.ofHours(36)),
                always.dueTime(start, Duration.ofHours(36), List.of()).orElseThrow());
        assertEquals(
                start.plus(Duration.ofHours(38)),
                always.dueTime(
                                start,
                                Duration.ofHours(36),
                                List.of(pause("2026-03-29T00:00:00Z", "2026-03-29T02:00:00Z")))
                        .orElseThrow());
    }

    @Test
    void pausedIntervalsShiftTheDueTimeByThePausedBusinessTimeOnly() {
        Instant monday9 = at("2026-03-02T09:00:00Z");
        assertEquals(
                at("2026-03-02T15:00:00Z"),
                office().dueTime(
                                monday9,
                                Duration.ofHours(4),
                                List.of(pause("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z")))
                        .orElseThrow());
        // A pause over the night adds only its working part (17:00 to 17:00 next day = 8 business hours).
        assertEquals(
                at("2026-03-03T13:00:00Z"),
                office().dueTime(
                                monday9,
                                Duration.ofHours(4),
                                List.of(
                                        pause("2026-03-02T09:00:00Z", "2026-03-02T17:00:00Z"),
                                        pause("2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z")))
                        .orElseThrow(),
                "overlapping pauses count once");
        assertEquals(
                Duration.ofHours(6),
                office().businessTime(
                                monday9,
                                at("2026-03-02T17:00:00Z"),
                                List.of(pause("2026-03-02T11:00:00Z", "2026-03-02T13:00:00Z"))));
    }

    @Test
    void zeroDurationIsDueAtOnceAndLongDurationsStillEnd() {
        Instant start = at("2026-03-07T12:00:00Z");
        assertEquals(start, office().dueTime(start, Duration.ZERO, List.of()).orElseThrow());
        assertTrue(office().dueTime(start, BusinessCalendar.MAX_DURATION, List.of())
                .isPresent());
    }
}
