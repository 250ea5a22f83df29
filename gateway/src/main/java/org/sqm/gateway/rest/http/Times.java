package org.sqm.gateway.rest.http;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.function.Consumer;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.gateway.error.InvalidRequestException;

/**
 * Times as REST writes them: instants in RFC 3339 ({@code 2026-03-06T16:00:00Z}), durations in
 * ISO-8601 ({@code PT2H}). Parsing names the field of a bad value; the protobuf side is ProtoTime's.
 */
public final class Times {

    private Times() {}

    /** An instant as REST shows it. */
    public static String text(Timestamp timestamp) {
        return ProtoTime.instant(timestamp).toString();
    }

    /** An optional instant as REST shows it: null when the field is unset ({@code has} false). */
    public static String textOrNull(boolean has, Timestamp timestamp) {
        return has ? text(timestamp) : null;
    }

    /** A duration as REST shows it. */
    public static String text(Duration duration) {
        return ProtoTime.duration(duration).toString();
    }

    /** An optional duration as REST shows it: null when the field is unset ({@code has} false). */
    public static String textOrNull(boolean has, Duration duration) {
        return has ? text(duration) : null;
    }

    /** Parses a required RFC 3339 instant. */
    public static Timestamp timestamp(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException(field, "is required");
        }
        try {
            return ProtoTime.timestamp(Instant.parse(value));
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field, "must be an RFC 3339 instant such as 2026-03-06T16:00:00Z");
        }
    }

    /** Parses an optional RFC 3339 instant and hands it to {@code setter}; nothing happens when it is absent or empty. */
    public static void ifPresent(String field, String value, Consumer<Timestamp> setter) {
        if (value != null && !value.isEmpty()) {
            setter.accept(timestamp(field, value));
        }
    }

    /** Parses a required ISO-8601 duration such as PT2H or P15D. */
    public static Duration duration(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException(field, "is required");
        }
        try {
            return ProtoTime.duration(java.time.Duration.parse(value));
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 duration such as PT2H or PT120H");
        }
    }
}
