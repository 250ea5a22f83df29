package org.sqm.standards.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Business-time arithmetic on one calendar. Business time is real elapsed time inside working
 * hours: a working day of 09:00-18:00 that contains a daylight-saving switch is 8 or 10 hours long,
 * as the clocks on the wall say. Paused intervals (e.g. waiting on the customer) never count.
 */
public final class BusinessCalendar {

    /** The longest business duration computed; beyond it deadlines make no sense. */
    public static final Duration MAX_DURATION = Duration.ofDays(366);

    // How far ahead a due instant is searched: enough for MAX_DURATION on one hour a week.
    private static final int MAX_DAYS_SCANNED = 366 * 7 * 24 + 7;

    /** Working time on one day of the week, in minutes after local midnight; end 1440 = midnight. */
    public record Window(DayOfWeek day, int startMinute, int endMinute) {}

    /** The interval [start, end). */
    public record Interval(Instant start, Instant end) {}

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Map<DayOfWeek, List<Window>> windows = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, boolean alwaysOpen, List<Window> windows, Set<LocalDate> holidays) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        for (DayOfWeek day : DayOfWeek.values()) {
            this.windows.put(
                    day,
                    windows.stream()
                            .filter(w -> w.day() == day)
                            .sorted(Comparator.comparingInt(Window::startMinute))
                            .toList());
        }
        this.holidays = Set.copyOf(holidays);
        if (!alwaysOpen && windows.isEmpty()) {
            throw new IllegalArgumentException("a calendar that is not always open needs working hours");
        }
    }

    /** The time zone the working hours are in. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The instant at which {@code duration} of business time, counted from {@code start}, has run
     * out; empty when the calendar has too little working time for it (e.g. holidays all year).
     */
    public Optional<Instant> dueTime(Instant start, Duration duration, List<Interval> paused) {
        List<Interval> pauses = normalise(paused);
        Duration[] remaining = {duration};
        Instant[] due = {null};
        if (duration.isZero()) {
            return Optional.of(start);
        }
        forEachOpenInterval(start, open -> {
            for (Interval piece : subtract(open, pauses)) {
                Duration length = Duration.between(piece.start(), piece.end());
                if (length.compareTo(remaining[0]) >= 0) {
                    due[0] = piece.start().plus(remaining[0]);
                    return false;
                }
                remaining[0] = remaining[0].minus(length);
            }
            return true;
        });
        return Optional.ofNullable(due[0]);
    }

    /** The business time in [from, to), paused intervals left out. */
    public Duration businessTime(Instant from, Instant to, List<Interval> paused) {
        List<Interval> pauses = normalise(paused);
        Duration[] total = {Duration.ZERO};
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        forEachOpenInterval(from, open -> {
            if (!open.start().isBefore(to)) {
                return false;
            }
            Interval clipped = new Interval(open.start(), open.end().isAfter(to) ? to : open.end());
            for (Interval piece : subtract(clipped, pauses)) {
                total[0] = total[0].plus(Duration.between(piece.start(), piece.end()));
            }
            return open.end().isBefore(to);
        });
        return total[0];
    }

    private interface IntervalVisitor {
        /** Returns false to stop the walk. */
        boolean visit(Interval open);
    }

    /** Walks the open intervals of the calendar that end after {@code from}, clipped to start no earlier. */
    private void forEachOpenInterval(Instant from, IntervalVisitor visitor) {
        if (alwaysOpen) {
            visitor.visit(new Interval(from, Instant.MAX));
            return;
        }
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            if (holidays.contains(date)) {
                continue;
            }
            for (Window w : windows.get(date.getDayOfWeek())) {
                Instant start = instant(date, w.startMinute());
                Instant end = instant(date, w.endMinute());
                if (start.isBefore(from)) {
                    start = from;
                }
                if (end.isAfter(start) && !visitor.visit(new Interval(start, end))) {
                    return;
                }
            }
        }
    }

    // A local time that a daylight-saving gap skips maps to the instant just after the gap.
    private Instant instant(LocalDate date, int minute) {
        if (minute == 24 * 60) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }
        return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone)
                .toInstant();
    }

    /** Sorted, merged, non-empty pauses. */
    static List<Interval> normalise(List<Interval> paused) {
        List<Interval> sorted = paused.stream()
                .filter(p -> p.end().isAfter(p.start()))
                .sorted(Comparator.comparing(Interval::start))
                .toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval p : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !p.start().isAfter(last.end())) {
                merged.set(
                        merged.size() - 1,
                        new Interval(last.start(), p.end().isAfter(last.end()) ? p.end() : last.end()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    /** The parts of {@code open} outside every pause. */
    static List<Interval> subtract(Interval open, List<Interval> pauses) {
        List<Interval> pieces = new ArrayList<>();
        Instant cursor = open.start();
        for (Interval p : pauses) {
            if (!p.end().isAfter(cursor)) {
                continue;
            }
            if (!p.start().isBefore(open.end())) {
                break;
            }
            if (p.start().isAfter(cursor)) {
                pieces.add(new Interval(cursor, p.start()));
            }
            cursor = p.end();
            if (!cursor.isBefore(open.end())) {
                return pieces;
            }
        }
        pieces.add(new Interval(cursor, open.end()));
        return pieces;
    }
}
