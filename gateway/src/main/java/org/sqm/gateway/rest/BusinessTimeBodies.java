package org.sqm.gateway.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the business-time calculations. */
public final class BusinessTimeBodies {

    private BusinessTimeBodies() {}

    /**
     * An interval [startTime, endTime) during which the clock stood still.
     *
     * @param startTime RFC 3339 instant
     * @param endTime   RFC 3339 instant, not before startTime
     */
    @Schema(name = "TimeInterval")
    public record Interval(
            @Schema(required = true, format = "date-time") String startTime,
            @Schema(required = true, format = "date-time") String endTime) {}

    /**
     * What a due-time calculation needs.
     *
     * @param startTime        when the clock starts (RFC 3339)
     * @param businessDuration how much business time is allowed (ISO-8601, e.g. PT8H for one 8-hour day)
     * @param pausedIntervals  intervals during which the clock stood still
     */
    @Schema(name = "DueTimeQuery")
    public record DueTimeQuery(
            @Schema(required = true, format = "date-time", examples = "2026-03-06T16:00:00Z") String startTime,
            @Schema(required = true, examples = "PT120H") String businessDuration,
            List<Interval> pausedIntervals) {}

    /** @param dueTime when the business duration runs out (RFC 3339) */
    @Schema(name = "DueTime")
    public record DueTime(@Schema(format = "date-time") String dueTime) {}

    /**
     * What a business-time measurement needs.
     *
     * @param startTime       start of the span (RFC 3339)
     * @param endTime         end of the span (RFC 3339)
     * @param pausedIntervals intervals to leave out
     */
    @Schema(name = "BusinessTimeQuery")
    public record BusinessTimeQuery(
            @Schema(required = true, format = "date-time") String startTime,
            @Schema(required = true, format = "date-time") String endTime,
            List<Interval> pausedIntervals) {}

    /** @param businessTime the business time in the span (ISO-8601 duration) */
    @Schema(name = "BusinessTime")
    public record BusinessTime(@Schema(examples = "PT2H") String businessTime) {}
}
