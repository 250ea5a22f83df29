package org.sqm.complaint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How complaints are handled. */
@ConfigMapping(prefix = "sqm.complaints")
public interface ComplaintConfig {

    /** How long after resolution a dissatisfied customer may have the complaint reopened. */
    @WithDefault("P30D")
    Duration reopenWindow();

    /** The deadline of each call to standards-service. */
    @WithDefault("5s")
    Duration standardsDeadline();
}
