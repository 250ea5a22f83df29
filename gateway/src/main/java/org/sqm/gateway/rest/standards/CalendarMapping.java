package org.sqm.gateway.rest.standards;

import static org.sqm.commons.convert.Texts.emptyToNull;
import static org.sqm.commons.convert.Texts.nullToEmpty;

import java.util.ArrayList;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.standards.CalendarViews.CalendarBody;
import org.sqm.gateway.rest.standards.CalendarViews.CalendarView;
import org.sqm.gateway.rest.standards.CalendarViews.HolidayItem;
import org.sqm.gateway.rest.standards.CalendarViews.Interval;
import org.sqm.gateway.rest.standards.CalendarViews.Weekday;
import org.sqm.gateway.rest.standards.CalendarViews.WorkingHoursItem;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.Holiday;
import org.sqm.proto.standards.v1.TimeInterval;
import org.sqm.proto.standards.v1.WorkingHours;

/** Translates calendars and business-time intervals between their REST and protobuf shapes. */
final class CalendarMapping {

    private CalendarMapping() {}

    static Calendar.Builder calendar(CalendarBody body) {
        Calendar.Builder calendar = Calendar.newBuilder()
                .setCode(nullToEmpty(body.code()))
                .setName(nullToEmpty(body.name()))
                .setTimeZone(nullToEmpty(body.timeZone()))
                .setAlwaysOpen(Boolean.TRUE.equals(body.alwaysOpen()));
        if (body.workingHours() != null) {
            calendar.addAllWorkingHours(workingHours(body.workingHours()));
        }
        if (body.holidays() != null) {
            calendar.addAllHolidays(holidays(body.holidays()));
        }
        return calendar;
    }

    /** The working hours; a null item stays an empty item, which the backend reports by its index. */
    static List<WorkingHours> workingHours(List<WorkingHoursItem> hours) {
        return hours.stream()
                .map(h -> h == null
                        ? WorkingHours.getDefaultInstance()
                        : WorkingHours.newBuilder()
                                .setDay(ProtoEnums.toProto(h.day(), org.sqm.proto.standards.v1.Weekday.class))
                                .setStartTime(nullToEmpty(h.startTime()))
                                .setEndTime(nullToEmpty(h.endTime()))
                                .build())
                .toList();
    }

    /** The holidays; a null item stays an empty item, which the backend reports by its index. */
    static List<Holiday> holidays(List<HolidayItem> holidays) {
        return holidays.stream()
                .map(h -> h == null
                        ? Holiday.getDefaultInstance()
                        : Holiday.newBuilder()
                                .setDate(nullToEmpty(h.date()))
                                .setName(nullToEmpty(h.name()))
                                .build())
                .toList();
    }

    static List<TimeInterval> intervals(List<Interval> intervals) {
        List<TimeInterval> out = new ArrayList<>();
        for (int i = 0; intervals != null && i < intervals.size(); i++) {
            String field = "pausedIntervals[" + i + "]";
            Interval interval = intervals.get(i);
            if (interval == null) {
                throw new InvalidRequestException(field, "must be an interval");
            }
            out.add(TimeInterval.newBuilder()
                    .setStartTime(Times.timestamp(field + ".startTime", interval.startTime()))
                    .setEndTime(Times.timestamp(field + ".endTime", interval.endTime()))
                    .build());
        }
        return out;
    }

    static CalendarView view(Calendar c) {
        return new CalendarView(
                c.getId(),
                c.getCode(),
                c.getName(),
                c.getTimeZone(),
                c.getAlwaysOpen(),
                c.getWorkingHoursList().stream()
                        .map(w -> new WorkingHoursItem(
                                ProtoEnums.toDomain(w.getDay(), Weekday.class), w.getStartTime(), w.getEndTime()))
                        .toList(),
                c.getHolidaysList().stream()
                        .map(h -> new HolidayItem(h.getDate(), emptyToNull(h.getName())))
                        .toList(),
                c.getEtag(),
                Times.text(c.getCreateTime()),
                Times.text(c.getUpdateTime()));
    }
}
