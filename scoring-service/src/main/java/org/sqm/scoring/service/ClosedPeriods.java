package org.sqm.scoring.service;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.scoring.domain.Period;

/**
 * The check that a period may be scored or published: well-formed, begun and ended (in the service's
 * time zone), refused on "period" otherwise with the reasons RecomputeScorecards documents.
 */
final class ClosedPeriods {

    private ClosedPeriods() {}

    /**
     * The period of the text, or INVALID_ARGUMENT (PERIOD_IN_FUTURE, PERIOD_NOT_CLOSED) on "period".
     *
     * @param verb what may be done once it has ended, e.g. "recompute"
     */
    static Period check(String text, Instant now, ZoneId zone, String verb) {
        if (text == null || text.isEmpty()) {
            throw new InvalidArgumentException("period", "is required");
        }
        Period period = Period.parse(text).orElseThrow(() -> new InvalidArgumentException("period", Period.FORMAT));
        if (period.start().atStartOfDay(zone).toInstant().isAfter(now)) {
            throw new InvalidArgumentException(
                    "PERIOD_IN_FUTURE",
                    List.of(new FieldViolation(
                            "period", "must not lie in the future: it begins on " + period.start())));
        }
        if (period.end().atStartOfDay(zone).toInstant().isAfter(now)) {
            throw new InvalidArgumentException(
                    "PERIOD_NOT_CLOSED",
                    List.of(new FieldViolation(
                            "period",
                            "has not ended: it ends with " + period.end().minusDays(1) + "; " + verb
                                    + " it after that day")));
        }
        return period;
    }
}
