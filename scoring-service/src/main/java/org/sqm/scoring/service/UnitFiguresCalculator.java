package org.sqm.scoring.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.scoring.service.ScorecardInputs.ComplaintStats;
import org.sqm.scoring.service.ScorecardInputs.Measurement;
import org.sqm.scoring.service.ScorecardInputs.Month;
import org.sqm.scoring.service.ScorecardInputs.SurveyGroup;
import org.sqm.scoring.service.ScorecardInputs.UnitInfo;

/**
 * Computes a unit's {@link UnitFigures} as a recompute scores it, from the inputs already in memory and
 * whatever its model's components: a month from its own inputs, a roll-up's month by pooling its
 * children's counts, a quarter or year by pooling its months. No database and no remote call.
 */
public final class UnitFiguresCalculator {

    private UnitFiguresCalculator() {}

    /** The figures of a unit's month from its inputs (the scorecard id is set when the card is stored). */
    public static UnitFigures month(ScoringModel model, UnitInfo unit, Month in) {
        long responses = 0;
        double sum = 0;
        // The scorecard's own order, so the index is the same double as a satisfaction component's.
        for (SurveyGroup g : in.surveys().stream()
                .sorted(Comparator.comparing(SurveyGroup::batchId).thenComparing(SurveyGroup::segment))
                .toList()) {
            responses += g.responses();
            sum += g.normalisedSum();
        }
        ComplaintStats s = in.complaints();
        long resolved = s == null ? 0 : s.resolved();
        long onTime = s == null ? 0 : s.resolvedWithinDeadline();
        long complaints = s == null ? 0 : s.received();
        long customers = in.customers() == null ? 0 : in.customers().customers();
        List<UnitFigures.Indicator> indicators = new ArrayList<>();
        for (String code : indicatorCodes(model)) {
            Measurement m = in.measurements().get(code);
            if (m == null) {
                indicators.add(new UnitFigures.Indicator(code, null, 0));
            } else if (m.rate()) {
                indicators.add(
                        new UnitFigures.Indicator(code, m.numerator() * 100.0 / m.denominator(), m.denominator()));
            } else {
                indicators.add(new UnitFigures.Indicator(code, m.mean(), m.sampleSize()));
            }
        }
        return figures(
                model,
                unit,
                null,
                responses == 0 ? null : sum / responses,
                responses,
                onTime,
                resolved,
                complaints,
                customers,
                indicators);
    }

    /**
     * A roll-up's month: its children's figures pooled (the index weighted by responses, the counts
     * summed). A roll-up model has no components, so no indicators.
     */
    public static UnitFigures rollUp(ScoringModel model, UnitInfo unit, List<UnitFigures> children) {
        return pooled(model, unit, children);
    }

    /**
     * A quarter from its months or a year from its quarters (all of the same run): pooled as a
     * roll-up pools its children, each of the model's indicators over the sub-periods that have it
     * (weighted by its sample).
     */
    public static UnitFigures pooled(ScoringModel model, UnitInfo unit, List<UnitFigures> parts) {
        long responses = 0;
        double indexSum = 0;
        long onTime = 0;
        long resolved = 0;
        long complaints = 0;
        long customers = 0;
        Map<String, double[]> byCode = new LinkedHashMap<>();
        indicatorCodes(model).forEach(code -> byCode.put(code, new double[2]));
        Map<String, Long> samples = new LinkedHashMap<>();
        for (UnitFigures f : parts) {
            if (f.satisfactionIndex() != null) {
                responses += f.responses();
                indexSum += f.satisfactionIndex() * f.responses();
            }
            onTime += f.resolvedOnTime();
            resolved += f.resolved();
            complaints += f.complaints();
            customers += f.customersServed();
            for (UnitFigures.Indicator i : f.indicators()) {
                double[] acc = byCode.get(i.code());
                if (acc == null || i.value() == null || i.sample() == 0) {
                    continue;
                }
                acc[0] += i.value() * i.sample();
                acc[1] += i.sample();
                samples.merge(i.code(), i.sample(), Long::sum);
            }
        }
        List<UnitFigures.Indicator> indicators = new ArrayList<>();
        byCode.forEach((code, acc) -> indicators.add(
                new UnitFigures.Indicator(code, acc[1] == 0 ? null : acc[0] / acc[1], samples.getOrDefault(code, 0L))));
        return figures(
                model,
                unit,
                null,
                responses == 0 ? null : indexSum / responses,
                responses,
                onTime,
                resolved,
                complaints,
                customers,
                indicators);
    }

    /** The same figures for the stored scorecard with this id. */
    public static UnitFigures withScorecard(UnitFigures f, UUID scorecardId) {
        return new UnitFigures(
                f.unitId(),
                f.unitType(),
                f.level(),
                scorecardId,
                f.modelId(),
                f.satisfactionIndex(),
                f.responses(),
                f.timeliness(),
                f.resolvedOnTime(),
                f.resolved(),
                f.complaintRate(),
                f.complaints(),
                f.customersServed(),
                f.indicators());
    }

    /** The codes of the model's indicator components, in model order, each once. */
    static List<String> indicatorCodes(ScoringModel model) {
        Set<String> codes = new LinkedHashSet<>();
        for (ScoreComponent c : model.getComponentsList()) {
            if (c.getSource().hasIndicator()) {
                codes.add(c.getSource().getIndicator().getIndicatorCode());
            }
        }
        return List.copyOf(codes);
    }

    private static UnitFigures figures(
            ScoringModel model,
            UnitInfo unit,
            UUID scorecardId,
            Double index,
            long responses,
            long onTime,
            long resolved,
            long complaints,
            long customers,
            List<UnitFigures.Indicator> indicators) {
        return new UnitFigures(
                UUID.fromString(unit.id()),
                ProtoEnums.shortName(unit.type()),
                unit.level(),
                scorecardId,
                UUID.fromString(model.getId()),
                index,
                responses,
                resolved == 0 ? null : onTime * 100.0 / resolved,
                onTime,
                resolved,
                customers == 0 ? null : complaints * 10000.0 / customers,
                complaints,
                customers,
                List.copyOf(indicators));
    }
}
