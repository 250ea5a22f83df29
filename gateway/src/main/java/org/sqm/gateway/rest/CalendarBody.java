package org.sqm.gateway.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        List<CalendarView.WorkingHoursItem> workingHours,
        List<CalendarView.HolidayItem> holidays) {}
