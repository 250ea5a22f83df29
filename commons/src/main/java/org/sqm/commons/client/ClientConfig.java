package org.sqm.commons.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every application calls the others: the same two settings in the gateway and the services. */
@ConfigMapping(prefix = "sqm.client")
public interface ClientConfig {

    /** The deadline of every outgoing call, counted from the moment the call starts. */
    @WithDefault("5s")
    Duration deadline();

    /**
     * The deadline of an outgoing server-streaming call (a period feed of every unit at once), counted
     * from the call's start: a stream of 100 000 rows takes far longer than any single answer.
     */
    @WithDefault("10m")
    Duration streamDeadline();

    /**
     * The deadline of a bulk administrative call (loading a whole catalogue in one transaction): a
     * cold service may need more than the usual deadline for it, and nobody is waiting on a screen.
     */
    @WithDefault("60s")
    Duration bulkDeadline();

    /** How many times in all an idempotent read is tried while the other application is unreachable. */
    @WithDefault("3")
    int readAttempts();
}
