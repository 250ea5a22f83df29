package org.sqm.commons.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Converts between {@code google.protobuf.Timestamp} and {@link Instant}. */
public final class ProtoTime {

    private ProtoTime() {}

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    /** The instant of a timestamp; null when the field is unset ({@code has} false). */
    public static Instant instantOrNull(boolean has, Timestamp timestamp) {
        return has ? Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()) : null;
    }
}
