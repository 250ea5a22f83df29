package org.sqm.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(format = "date-time") String updateTime) {

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
}
