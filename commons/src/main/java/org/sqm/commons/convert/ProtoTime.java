package org.sqm.commons.convert;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.sqm.commons.error.InvalidArgumentException;

/**
 * Converts between {@code google.protobuf.Timestamp}/{@code Duration} and {@link Instant}/{@link
 * Duration}. Values outside the ranges that timestamp.proto and duration.proto define (years 1 to
 * 9999; nanos 0 to 999,999,999, or of the seconds' sign for durations) are the caller's mistake:
 * INVALID_ARGUMENT, never an arithmetic failure deep inside a service. Values from our own services
 * are trusted and read without checks ({@link #instant(Timestamp)}, {@link #duration(com.google.protobuf.Duration)}).
 */
public final class ProtoTime {

    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;
    private static final long MAX_DURATION_SECONDS = 315_576_000_000L;

    private ProtoTime() {}

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** The timestamp of an instant, or the unset (default) timestamp for null. */
    public static Timestamp timestampOrDefault(Instant instant) {
        return instant == null ? Timestamp.getDefaultInstance() : timestamp(instant);
    }

    /** The instant of a timestamp that a service of ours produced. */
    public static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** The instant of a timestamp; null when the field is unset ({@code has} false). */
    public static Instant instantOrNull(boolean has, Timestamp timestamp) {
        return instantOrNull("timestamp", has, timestamp);
    }

    /** Like {@link #instantOrNull(boolean, Timestamp)}, naming the request field in the error. */
    public static Instant instantOrNull(String field, boolean has, Timestamp timestamp) {
        if (!has) {
            return null;
        }
        if (timestamp.getSeconds() < MIN_SECONDS
                || timestamp.getSeconds() > MAX_SECONDS
                || timestamp.getNanos() < 0
                || timestamp.getNanos() > 999_999_999) {
            throw new InvalidArgumentException(
                    field, "is not a valid timestamp: years 1 to 9999, nanos 0 to 999999999");
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** The {@code google.protobuf.Duration} of a duration. */
    public static com.google.protobuf.Duration duration(Duration duration) {
        return com.google.protobuf.Duration.newBuilder()
                .setSeconds(duration.getSeconds())
                .setNanos(duration.getNano())
                .build();
    }

    /** A duration of (possibly fractional) seconds; the unset duration for null. */
    public static com.google.protobuf.Duration durationOfSeconds(Double seconds) {
        if (seconds == null) {
            return com.google.protobuf.Duration.getDefaultInstance();
        }
        return duration(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    /** The duration of a {@code google.protobuf.Duration} that a service of ours produced. */
    public static Duration duration(com.google.protobuf.Duration duration) {
        return Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
    }

    /** The duration of a {@code google.protobuf.Duration}; null when unset. */
    public static Duration durationOrNull(String field, boolean has, com.google.protobuf.Duration duration) {
        if (!has) {
            return null;
        }
        long s = duration.getSeconds();
        int n = duration.getNanos();
        if (Math.abs(s) > MAX_DURATION_SECONDS || Math.abs(n) > 999_999_999 || (s > 0 && n < 0) || (s < 0 && n > 0)) {
            throw new InvalidArgumentException(
                    field, "is not a valid duration: at most 10000 years, nanos of the seconds' sign");
        }
        return Duration.ofSeconds(s, n);
    }
}
