package org.sqm.gateway.rest.scoring;

import java.util.regex.Pattern;
import org.sqm.gateway.error.InvalidRequestException;

/**
 * The shape of a scoring period as REST takes it: a month ("2026-03"), a quarter ("2026-Q1") or a
 * year ("2026"), as scoring-service writes them. Checked here so that a malformed period is a 400
 * naming its field before any call (and never reaches an operations filter); whether the period has
 * ended, or has scorecards, is scoring-service's to say.
 */
final class Periods {

    private static final Pattern SHAPE = Pattern.compile("[1-9][0-9]{3}(-(0[1-9]|1[0-2])|-Q[1-4])?");

    private Periods() {}

    /** A required period. */
    static String required(String field, String period) {
        if (period == null || period.isEmpty()) {
            throw new InvalidRequestException(field, "is required");
        }
        return optional(field, period);
    }

    /** An optional period: empty when absent. */
    static String optional(String field, String period) {
        if (period == null || period.isEmpty()) {
            return "";
        }
        if (!SHAPE.matcher(period).matches()) {
            throw new InvalidRequestException(field, "must be a month (2026-03), a quarter (2026-Q1) or a year (2026)");
        }
        return period;
    }
}
