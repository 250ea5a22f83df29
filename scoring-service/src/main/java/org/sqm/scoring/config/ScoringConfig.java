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

    /** Recomputing scorecards. */
    Scorecards scorecards();

    /** The certification watch. */
    Certifications certifications();

    /** The certification watch: suspensions for overdue action plans and reviews, lapses. */
    interface Certifications {

        /** How often the watch runs (read by the scheduler as {@code ${sqm.scoring.certifications.watch-interval}}). */
        @WithDefault("1h")
        Duration watchInterval();
    }

    /** Recomputing scorecards. */
    interface Scorecards {

        /** How many scorecards one transaction writes (and how often progress and the heartbeat are recorded). */
        @WithDefault("500")
        int writeBatch();

        /** A RUNNING recompute whose heartbeat is older than this is taken for dead (its replica stopped). */
        @WithDefault("2m")
        Duration staleAfter();

        /** How many recomputes (of different periods) run at once on a replica. */
        @WithDefault("2")
        int threads();
    }

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
