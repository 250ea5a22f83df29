package org.sqm.standards.mapping;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import java.time.DayOfWeek;
import java.util.List;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.Texts;
import org.sqm.commons.persistence.Etags;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.Holiday;
import org.sqm.proto.standards.v1.TimeInterval;
import org.sqm.proto.standards.v1.Weekday;
import org.sqm.proto.standards.v1.WorkingHours;
import org.sqm.standards.domain.BusinessCalendar.Interval;
import org.sqm.standards.domain.CalendarEntity;
import org.sqm.standards.service.CalendarService;
import org.sqm.standards.service.CalendarService.CalendarSpec;
import org.sqm.standards.service.CalendarService.HolidaySpec;
import org.sqm.standards.service.CalendarService.HoursSpec;

/** Translates between the calendar contract and the calendar entity. */
public final class CalendarMapper {

    private CalendarMapper() {}

    public static Calendar toProto(CalendarEntity entity) {
        return Calendar.newBuilder()
                .setId(entity.id.toString())
                .setCode(entity.code)
                .setName(entity.name)
                .setTimeZone(entity.timeZone)
                .setAlwaysOpen(entity.alwaysOpen)
                .addAllWorkingHours(entity.workingHours.stream()
                        .map(w -> WorkingHours.newBuilder()
                                .setDay(ProtoEnums.toProto(w.day, Weekday.class))
                                .setStartTime(CalendarService.clock(w.startMinute))
                                .setEndTime(CalendarService.clock(w.endMinute))
                                .build())
                        .toList())
                .addAllHolidays(entity.holidays.stream()
                        .map(h -> Holiday.newBuilder()
                                .setDate(h.date.toString())
                                .setName(Texts.nullToEmpty(h.name))
                                .build())
                        .toList())
                .setEtag(Etags.of(entity.version))
                .setCreateTime(timestamp(entity.createTime))
                .setUpdateTime(timestamp(entity.updateTime))
                .build();
    }

    public static CalendarSpec toSpec(Calendar calendar) {
        return new CalendarSpec(
                calendar.getCode(),
                calendar.getName(),
                calendar.getTimeZone(),
                calendar.getAlwaysOpen(),
                calendar.getWorkingHoursList().stream()
                        .map(w -> new HoursSpec(
                                ProtoEnums.toDomain(w.getDay(), DayOfWeek.class), w.getStartTime(), w.getEndTime()))
                        .toList(),
                calendar.getHolidaysList().stream()
                        .map(h -> new HolidaySpec(h.getDate(), h.getName()))
                        .toList());
    }

    public static List<Interval> toIntervals(List<TimeInterval> intervals) {
        return intervals.stream()
                .map(i -> new Interval(
                        instantOrNull(i.hasStartTime(), i.getStartTime()),
                        instantOrNull(i.hasEndTime(), i.getEndTime())))
                .toList();
    }
}
