package org.sqm.inspection.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** How often a plan's inspections recur, and the windows that follow from it. */
public enum Cadence {
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    EXPLICIT_DATES,
    DAILY,
    HALF_YEARLY,
    ANNUAL;

    /** A window of whole days [first, end) in the plan's time zone. */
    public record Period(LocalDate first, LocalDate end) {
        public java.time.Instant startIn(ZoneId zone) {
            return first.atStartOfDay(zone).toInstant();
        }

        public java.time.Instant endIn(ZoneId zone) {
            return end.atStartOfDay(zone).toInstant();
        }
    }

    /**
     * The periods of a plan running from {@code start} to {@code end} (both inclusive) that start on or
     * before {@code through}: days, calendar weeks (Monday first), months, quarters, half years or years
     * cut to the plan's days, or one day per explicit date.
     */
    public List<Period> periods(LocalDate start, LocalDate end, List<LocalDate> explicitDates, LocalDate through) {
        LocalDate last = through.isBefore(end) ? through : end;
        List<Period> periods = new ArrayList<>();
        if (this == EXPLICIT_DATES) {
            explicitDates.stream()
                    .sorted()
                    .filter(d -> !d.isBefore(start) && !d.isAfter(last))
                    .forEach(d -> periods.add(new Period(d, d.plusDays(1))));
            return periods;
        }
        LocalDate periodStart = alignedStart(start);
        while (!periodStart.isAfter(last)) {
            LocalDate next = next(periodStart);
            LocalDate first = periodStart.isBefore(start) ? start : periodStart;
            LocalDate stop = next.isAfter(end.plusDays(1)) ? end.plusDays(1) : next;
            if (!first.isAfter(last)) {
                periods.add(new Period(first, stop));
            }
            periodStart = next;
        }
        return periods;
    }

    private LocalDate alignedStart(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case HALF_YEARLY -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
            case ANNUAL -> day.withDayOfYear(1);
            case EXPLICIT_DATES, DAILY -> day;
        };
    }

    private LocalDate next(LocalDate aligned) {
        return switch (this) {
            case WEEKLY -> aligned.plusWeeks(1);
            case MONTHLY -> aligned.plusMonths(1);
            case QUARTERLY -> aligned.plusMonths(3);
            case HALF_YEARLY -> aligned.plusMonths(6);
            case ANNUAL -> aligned.plusYears(1);
            case EXPLICIT_DATES, DAILY -> aligned.plusDays(1);
        };
    }
}
