package org.sqm.inspection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How inspections are run. */
@ConfigMapping(prefix = "sqm.inspections")
public interface InspectionConfig {

    /** The deadline of each call to standards-service. */
    @WithDefault("5s")
    Duration standardsDeadline();

    /** How often the watch runs (read by the scheduler as {@code ${sqm.inspections.watch-interval}}). */
    @WithDefault("60s")
    Duration watchInterval();

    /** How many rows one statement of the watch flags at most. */
    @WithDefault("500")
    int watchBatch();
}
