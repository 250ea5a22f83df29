package org.sqm.scoring.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.scoring.domain.Period;

/**
 * The figures behind a unit's current scorecard for a period, as a regulator publishes them and as the
 * closed loop watches them: each a value with the counts it rests on (so months pool exactly into
 * quarters and children into their parent), null where the source had no data.
 *
 * @param satisfactionIndex the satisfaction index of all segments, 0-100
 * @param responses the survey responses behind it
 * @param timeliness the share (%) of resolved complaints resolved by their deadline
 * @param resolvedOnTime complaints received in the period, resolved by their deadline
 * @param resolved complaints received in the period and resolved
 * @param complaintRate complaints received per 10 000 customers served
 * @param complaints complaints received in the period
 * @param customersServed customers served in the period (0 without a figure)
 * @param indicators the sampled indicators of the unit's model, in model order
 */
public record UnitFigures(
        UUID unitId,
        String unitType,
        int level,
        UUID scorecardId,
        UUID modelId,
        Double satisfactionIndex,
        long responses,
        Double timeliness,
        long resolvedOnTime,
        long resolved,
        Double complaintRate,
        long complaints,
        long customersServed,
        List<Indicator> indicators) {

    /** A sampled indicator's figure: a rate in % or a mean, with its denominator or sample. */
    public record Indicator(String code, Double value, long sample) {}

    /** Reads the figures of the current scorecards (implemented by the published-performance part). */
    public interface Source {

        /** The figures of every unit with a current scorecard for the period, by unit id. */
        Map<UUID, UnitFigures> current(Period period);
    }
}
