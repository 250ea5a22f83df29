package org.sqm.gateway.rest.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the dashboard waits for each of its parts. */
@ConfigMapping(prefix = "sqm.dashboard")
public interface DashboardConfig {

    /**
     * The deadline of every part of a unit's dashboard, counted from the request's start; a part that
     * needs two calls in turn (the trend, then the scorecard it names) shares it. Every part runs at
     * once, so the answer comes within this span (plus a little) even when a service is down or hangs.
     */
    @WithDefault("2s")
    Duration partDeadline();
}
