package org.sqm.inspection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How inspections are watched; calls to standards-service follow commons' {@code sqm.client.*}. */
@ConfigMapping(prefix = "sqm.inspections")
public interface InspectionConfig {

    /** How often the watch runs (read by the scheduler as {@code ${sqm.inspections.watch-interval}}). */
    @WithDefault("60s")
    Duration watchInterval();

    /** How many rows one statement of the watch flags at most. */
    @WithDefault("500")
    int watchBatch();
}
