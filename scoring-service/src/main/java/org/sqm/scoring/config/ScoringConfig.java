package org.sqm.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** How scoring reads its periods and records order lapses; outgoing calls follow commons' {@code sqm.client.*}. */
@ConfigMapping(prefix = "sqm.scoring")
public interface ScoringConfig {

    /**
     * The time zone of periods ("2026-03" is March in this zone) and of response dates: a period or a
     * date after today in this zone is in the future.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** The automatic recording of order lapses as violations. */
    OrderLapses orderLapses();

    /** The automatic recording of order lapses as violations. */
    interface OrderLapses {

        /** How often the job runs (read by the scheduler as {@code ${sqm.scoring.order-lapses.interval}}). */
        @WithDefault("1h")
        Duration interval();

        /** How many violations one transaction records at most. */
        @WithDefault("500")
        int writeBatch();
    }
}
