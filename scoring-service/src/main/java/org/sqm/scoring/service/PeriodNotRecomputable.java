package org.sqm.scoring.service;

import org.sqm.commons.error.InvalidArgumentException;

/** A period a recompute refuses (INVALID_ARGUMENT on "period") with a reason of its own: PERIOD_IN_FUTURE or PERIOD_NOT_CLOSED. */
public class PeriodNotRecomputable extends InvalidArgumentException {

    private final String reason;

    public PeriodNotRecomputable(String reason, String description) {
        super("period", description);
        this.reason = reason;
    }

    @Override
    public String reason() {
        return reason;
    }
}
