package org.sqm.inspection.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for every rule that depends on it (due times, late reports, lapses at a
 * period's end, the watch), so tests can move time instead of waiting for it.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The clock's instant to the microsecond, the precision PostgreSQL stores, so a written time reads back equal. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
