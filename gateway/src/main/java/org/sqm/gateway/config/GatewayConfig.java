package org.sqm.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway calls its backends. */
@ConfigMapping(prefix = "sqm.gateway")
public interface GatewayConfig {

    /** The deadline of every backend call, counted from the moment the call starts. */
    @WithDefault("5s")
    Duration deadline();

    /** How many times in all an idempotent read is tried while the backend is unavailable. */
    @WithDefault("3")
    int readAttempts();
}
