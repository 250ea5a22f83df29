package org.sqm.gateway.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The per-client rate limit on {@code /api}: {@code requests} per {@code window}, at most {@code burst} at once. */
@ConfigMapping(prefix = "sqm.rate-limit")
public interface RateLimitConfig {

    /** Off only where one client is meant to send without limit (nothing in production). */
    @WithDefault("true")
    boolean enabled();

    /** Requests a client may make per window, refilled evenly across it. */
    @WithDefault("1200")
    long requests();

    /** The window the requests are counted over. */
    @WithDefault("1m")
    Duration window();

    /** Requests a client may make at once after a quiet spell: the size of its bucket. */
    @WithDefault("200")
    long burst();

    /** Clients remembered at once; beyond this the least recently seen is forgotten (its bucket starts full). */
    @WithDefault("100000")
    long maxClients();
}
