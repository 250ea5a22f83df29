package org.sqm.inspection.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/** How serious a finding is, and how long its rectification order gets by default. */
public enum FindingSeverity {
    /** Partial compliance: within 3 months. */
    MINOR(Period.ofMonths(3)),
    /** Non-compliance: within 1 month. */
    MAJOR(Period.ofMonths(1)),
    /** Non-compliance of a critical element: within 7 days. */
    CRITICAL(Period.ofDays(7));

    private final Period allowed;

    FindingSeverity(Period allowed) {
        this.allowed = allowed;
    }

    /** The default due time of an order issued at {@code issued}. */
    public Instant dueFrom(Instant issued) {
        return issued.atOffset(ZoneOffset.UTC).plus(allowed).toInstant();
    }
}
