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

    /** The share of a deadline's business time after which the watch warns, e.g. 0.75. */
    @WithDefault("0.75")
    double warningShare();

    /** How often the deadline watch runs (read by the scheduler as {@code ${sqm.complaints.watch-interval}}). */
    @WithDefault("30s")
    Duration watchInterval();

    /** How many complaints one run of the deadline watch handles at most per kind of work. */
    @WithDefault("100")
    int watchBatch();

    /**
     * How many rows the statistics feed fetches from its database cursor at a time: the feed holds
     * no more than this many units' figures in memory, however many units the period has.
     */
    @WithDefault("500")
    int feedFetchSize();
}
