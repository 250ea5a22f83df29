package org.sqm.gateway.rest.standards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of business calendars and of the business-time calculations in the REST API. */
public final class CalendarViews {

    private CalendarViews() {}

    /**
     * A business calendar as the REST API shows it.
     *
     * @param id           the calendar's id
     * @param code         its unique code
     * @param name         its display name
     * @param timeZone     the IANA time zone of its working hours and holidays
     * @param alwaysOpen   true for a 24x7 calendar
     * @param workingHours the weekly working hours
     * @param holidays     the days off
     * @param etag         send as If-Match to change the calendar
     * @param createTime   when it was created
     * @param updateTime   when it last changed
     */
    @Schema(name = "Calendar")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CalendarView(
            @Schema(format = "uuid") String id,
            String code,
            String name,
            @Schema(examples = "Europe/London") String timeZone,
            boolean alwaysOpen,
            List<WorkingHoursItem> workingHours,
            List<HolidayItem> holidays,
            String etag,
            @Schema(format = "date-time") String createTime,
            @Schema(format = "date-time") String updateTime) {}

    /**
     * The body of a request that creates a calendar.
     *
     * @param code         unique code: 1 to 64 letters, digits, '.', '_', '-'
     * @param name         display name, at most 200 characters
     * @param timeZone     IANA time zone, e.g. Asia/Shanghai
     * @param alwaysOpen   true for 24x7 (then no working hours or holidays)
     * @param workingHours the weekly working hours; at least one unless alwaysOpen
     * @param holidays     the days off
     */
    @Schema(name = "NewCalendar")
    public record CalendarBody(
            @Schema(required = true, examples = "CN-OFFICE") String code,
            @Schema(required = true, examples = "Mainland office hours") String name,
            @Schema(required = true, examples = "Asia/Shanghai") String timeZone,
            Boolean alwaysOpen,
            List<WorkingHoursItem> workingHours,
            List<HolidayItem> holidays) {}

    /**
     * Working time on one day of the week.
     *
     * @param day       MONDAY to SUNDAY
     * @param startTime local start, HH:MM
     * @param endTime   local end, HH:MM after startTime; 24:00 is midnight at the end of the day
     */
    @Schema(name = "WorkingHours")
    public record WorkingHoursItem(
            @Schema(required = true) Weekday day,
            @Schema(required = true, examples = "09:00") String startTime,
            @Schema(required = true, examples = "17:30") String endTime) {}

    /**
     * A day off.
     *
     * @param date the local date, YYYY-MM-DD
     * @param name what the day is
     */
    @Schema(name = "Holiday")
    public record HolidayItem(
            @Schema(required = true, format = "date", examples = "2026-12-25") String date, String name) {}

    /** A day of the week. */
    public enum Weekday {
        MONDAY,
        TUESDAY,
        WEDNESDAY,
        THURSDAY,
        FRIDAY,
        SATURDAY,
        SUNDAY
    }

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
