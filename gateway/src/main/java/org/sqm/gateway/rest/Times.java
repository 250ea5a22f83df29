package org.sqm.gateway.rest;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import org.sqm.gateway.error.InvalidRequestException;

/** Converts between REST's RFC 3339 instants and ISO-8601 durations and their protobuf forms. */
final class Times {

    private Times() {}

    static String toRest(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    }

    static String toRest(Duration d) {
        return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos()).toString();
    }

    /** Parses a required RFC 3339 instant such as 2026-03-06T16:00:00Z. */
    static Timestamp timestamp(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException(field, "is required");
        }
        try {
            Instant instant = Instant.parse(value);
            return Timestamp.newBuilder()
                    .setSeconds(instant.getEpochSecond())
                    .setNanos(instant.getNano())
                    .build();
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field, "must be an RFC 3339 instant such as 2026-03-06T16:00:00Z");
        }
    }

    /** Parses a required ISO-8601 duration such as PT2H or P15D. */
    static Duration duration(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException(field, "is required");
        }
        try {
            java.time.Duration d = java.time.Duration.parse(value);
            return Duration.newBuilder()
                    .setSeconds(d.getSeconds())
                    .setNanos(d.getNano())
                    .build();
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidRequestException(field, "must be an ISO-8601 duration such as PT2H or PT120H");
        }
    }
}
