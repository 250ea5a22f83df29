package org.sqm.scoring.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.domain.TriggeredSpotCheck.Figure;

/**
 * Which spot-check triggers fire for a month, from the figures of the current scorecards of that month
 * and the months before it (spot_checks.proto is the rule book). Pure: the caller reads the figures,
 * one read per month, and stores what fires.
 */
public final class SpotCheckEvaluator {

    static final int DEFAULT_MIN_UNITS = 4;
    static final int DEFAULT_MIN_SAMPLE = 30;
    /** Figures are computed doubles: a difference within this is equality, never "above". */
    static final double EPSILON = 1e-9;

    static final String RATE = "complaint rate per 10 000 customers";
    static final String INDEX = "satisfaction index (all segments)";
    static final String RESPONSES = "survey responses";

    /** A trigger that fires for a unit and the month. */
    public record Fired(
            UUID unitId, String period, UUID modelId, SpotCheckTrigger trigger, String reason, List<Figure> figures) {}

    private final Function<Period, Map<UUID, UnitFigures>> figuresOf;
    private final Map<String, Map<UUID, UnitFigures>> months = new HashMap<>();
    private final Map<String, Map<String, double[]>> rates = new HashMap<>();

    private SpotCheckEvaluator(Function<Period, Map<UUID, UnitFigures>> figuresOf) {
        this.figuresOf = figuresOf;
    }

    /**
     * The triggers that fire for the month, by unit id, then trigger order.
     *
     * @param figuresOf the figures of the current scorecards of a month (asked at most once per month,
     *                  only for months a trigger needs); empty when the month is not scored
     * @param triggers  the triggers of each scoring model version, by its id
     */
    public static List<Fired> evaluate(
            Period month,
            Function<Period, Map<UUID, UnitFigures>> figuresOf,
            Map<UUID, List<SpotCheckTrigger>> triggers) {
        SpotCheckEvaluator e = new SpotCheckEvaluator(figuresOf);
        List<UnitFigures> units = new ArrayList<>(e.month(month).values());
        units.sort(Comparator.comparing(UnitFigures::unitId));
        List<Fired> fired = new ArrayList<>();
        for (UnitFigures unit : units) {
            for (SpotCheckTrigger t : triggers.getOrDefault(unit.modelId(), List.of())) {
                Fired f =
                        switch (t.getConditionCase()) {
                            case COMPLAINT_RATE_ABOVE_UPPER_QUARTILE -> e.rateAbove(
                                    month, unit, t, t.getComplaintRateAboveUpperQuartile());
                            case SATISFACTION_INDEX_DROP -> e.indexDrop(month, unit, t, t.getSatisfactionIndexDrop());
                            case CONDITION_NOT_SET -> null;
                        };
                if (f != null) {
                    fired.add(f);
                }
            }
        }
        return fired;
    }

    private Fired rateAbove(Period month, UnitFigures unit, SpotCheckTrigger t, ComplaintRateAboveUpperQuartile c) {
        int minUnits = c.getMinUnits() == 0 ? DEFAULT_MIN_UNITS : c.getMinUnits();
        int n = c.getConsecutiveMonths();
        List<Figure> figures = new ArrayList<>();
        Period m = month;
        for (int k = 0; k < n; k++, m = m.previous()) {
            UnitFigures f = month(m).get(unit.unitId());
            Double q = f == null ? null : quartileAbove(m, f, minUnits);
            if (q == null) {
                return null;
            }
            String group = f.unitType() + " level " + f.level();
            // Newest month first while collecting; reversed below.
            figures.add(new Figure("units with a rate, " + group, m.text(), groupSize(m, f)));
            figures.add(new Figure("upper quartile, " + group, m.text(), q));
            figures.add(new Figure(RATE, m.text(), f.complaintRate()));
        }
        UnitFigures before = month(m).get(unit.unitId());
        if (before != null && quartileAbove(m, before, minUnits) != null) {
            return null;
        }
        java.util.Collections.reverse(figures);
        String first = n == 1 ? month.text() : figures.get(0).period() + " to " + month.text();
        String reason = "complaint rate above the upper quartile of " + unit.unitType() + " units at level "
                + unit.level() + (n == 1 ? " in " + first : " " + n + " months running (" + first + ")");
        return new Fired(unit.unitId(), month.text(), unit.modelId(), t, reason, figures);
    }

    private Fired indexDrop(Period month, UnitFigures unit, SpotCheckTrigger t, SatisfactionIndexDrop c) {
        int minSample = c.getMinSample() == 0 ? DEFAULT_MIN_SAMPLE : c.getMinSample();
        Period before = month.previous();
        UnitFigures prev = month(before).get(unit.unitId());
        if (!sampled(unit, minSample) || prev == null || !sampled(prev, minSample)) {
            return null;
        }
        double drop = prev.satisfactionIndex() - unit.satisfactionIndex();
        if (!(drop > c.getPoints() + EPSILON)) {
            return null;
        }
        String reason = "satisfaction index fell by " + text(drop) + " points from " + before.text() + " to "
                + month.text() + " (" + text(prev.satisfactionIndex()) + " to " + text(unit.satisfactionIndex())
                + "), more than " + text(c.getPoints()) + " points";
        List<Figure> figures = List.of(
                new Figure(INDEX, before.text(), prev.satisfactionIndex()),
                new Figure(RESPONSES, before.text(), prev.responses()),
                new Figure(INDEX, month.text(), unit.satisfactionIndex()),
                new Figure(RESPONSES, month.text(), unit.responses()),
                new Figure("drop in points", month.text(), drop));
        return new Fired(unit.unitId(), month.text(), unit.modelId(), t, reason, figures);
    }

    private static boolean sampled(UnitFigures f, int minSample) {
        return f.satisfactionIndex() != null && f.responses() >= minSample;
    }

    /** The quartile of the unit's group in the month when its rate is above it; null when it is not. */
    private Double quartileAbove(Period month, UnitFigures f, int minUnits) {
        if (f.complaintRate() == null) {
            return null;
        }
        double[] group = group(month, f);
        if (group.length < minUnits) {
            return null;
        }
        double q = upperQuartile(group);
        return f.complaintRate() > q + EPSILON ? q : null;
    }

    private int groupSize(Period month, UnitFigures f) {
        return group(month, f).length;
    }

    /** The sorted rates of the units of the unit's type at its level in the month. */
    private double[] group(Period month, UnitFigures f) {
        Map<String, double[]> groups = rates.computeIfAbsent(month.text(), k -> {
            Map<String, List<Double>> lists = new HashMap<>();
            for (UnitFigures u : month(month).values()) {
                if (u.complaintRate() != null) {
                    lists.computeIfAbsent(u.unitType() + "/" + u.level(), g -> new ArrayList<>())
                            .add(u.complaintRate());
                }
            }
            Map<String, double[]> sorted = new HashMap<>();
            lists.forEach((g, values) -> {
                double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
                Arrays.sort(a);
                sorted.put(g, a);
            });
            return sorted;
        });
        return groups.getOrDefault(f.unitType() + "/" + f.level(), new double[0]);
    }

    /** The 75th percentile of sorted values, linear interpolation between closest ranks. */
    static double upperQuartile(double[] sorted) {
        double h = (sorted.length - 1) * 0.75;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private Map<UUID, UnitFigures> month(Period month) {
        return months.computeIfAbsent(month.text(), k -> {
            Map<UUID, UnitFigures> read = figuresOf.apply(month);
            return read == null ? Map.of() : read;
        });
    }

    /** A figure for the reason: at most two decimals, no trailing zeros. */
    static String text(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
