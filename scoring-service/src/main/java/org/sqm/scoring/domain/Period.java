package org.sqm.scoring.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqm.commons.error.Violations;

/**
 * A period figures are given for: a month ("2026-03"), a quarter ("2026-Q1") or a year ("2026"), the
 * control plan's monthly figures that average into quarterly and yearly ones.
 *
 * @param text  the period as written
 * @param start its first day
 * @param end   the day after its last day
 */
public record Period(String text, LocalDate start, LocalDate end) {

    /** What a caller is told about a malformed period. */
    public static final String FORMAT = "must be a month (2026-03), a quarter (2026-Q1) or a year (2026)";

    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{3})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?");

    /** The period a text names; empty when it names none. */
    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            LocalDate start = LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
            return Optional.of(new Period(text, start, start.plusMonths(1)));
        }
        if (m.group(3) != null) {
            LocalDate start = LocalDate.of(year, (Integer.parseInt(m.group(3)) - 1) * 3 + 1, 1);
            return Optional.of(new Period(text, start, start.plusMonths(3)));
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        return Optional.of(new Period(text, start, start.plusYears(1)));
    }

    /**
     * The period a required field names, or null after adding a violation for a missing, malformed or
     * future period.
     */
    public static Period check(String field, String text, LocalDate today, Violations v) {
        if (text == null || text.isEmpty()) {
            v.check(false, field, "is required");
            return null;
        }
        Optional<Period> period = parse(text);
        v.check(period.isPresent(), field, FORMAT);
        if (period.isPresent() && period.get().inFutureOf(today)) {
            v.check(
                    false,
                    field,
                    "must not lie in the future: it begins on " + period.get().start());
            return null;
        }
        return period.orElse(null);
    }

    /** Whether the period has not begun on {@code today}. */
    public boolean inFutureOf(LocalDate today) {
        return start.isAfter(today);
    }

    /** The period before, of the same kind: 2026-02 for 2026-03, 2025-12 for 2026-01, 2025-Q4 for 2026-Q1, 2025 for 2026. */
    public Period previous() {
        if (text.length() == 4) {
            return parse(String.valueOf(start.getYear() - 1)).orElseThrow();
        }
        if (text.contains("-Q")) {
            LocalDate before = start.minusMonths(3);
            return parse(before.getYear() + "-Q" + ((before.getMonthValue() - 1) / 3 + 1))
                    .orElseThrow();
        }
        return parse(start.minusMonths(1).toString().substring(0, 7)).orElseThrow();
    }

    /** The months of a period, in order. */
    public List<Period> months() {
        List<Period> months = new ArrayList<>();
        for (LocalDate m = start; m.isBefore(end); m = m.plusMonths(1)) {
            months.add(Period.parse(m.toString().substring(0, 7)).orElseThrow());
        }
        return months;
    }

    /** The quarters of a year, the quarter itself for a quarter, none for a month. */
    public List<Period> quarters() {
        if (text.contains("-Q")) {
            return List.of(this);
        }
        if (text.length() != 4) {
            return List.of();
        }
        return List.of(1, 2, 3, 4).stream()
                .map(q -> Period.parse(text + "-Q" + q).orElseThrow())
                .toList();
    }
}
