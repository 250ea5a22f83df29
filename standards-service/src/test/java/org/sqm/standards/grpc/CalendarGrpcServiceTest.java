package org.sqm.standards.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.CalendarServiceGrpc.CalendarServiceBlockingStub;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.CreateCalendarRequest;
import org.sqm.proto.standards.v1.GetCalendarRequest;
import org.sqm.proto.standards.v1.Holiday;
import org.sqm.proto.standards.v1.ListCalendarsRequest;
import org.sqm.proto.standards.v1.ListCalendarsResponse;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.TimeInterval;
import org.sqm.proto.standards.v1.UpdateCalendarRequest;
import org.sqm.proto.standards.v1.Weekday;
import org.sqm.proto.standards.v1.WorkingHours;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CalendarGrpcServiceTest {

    @GrpcClient("calendars")
    CalendarServiceBlockingStub calendars;

    private static Timestamp at(String instant) {
        Instant i = Instant.parse(instant);
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    private static Duration hours(long hours) {
        return Duration.newBuilder().setSeconds(hours * 3600).build();
    }

    private Calendar office(String... holidays) {
        Calendar.Builder calendar = Calendar.newBuilder()
                .setCode("UK-OFFICE-" + UUID.randomUUID().toString().substring(0, 8))
                .setName("UK office hours")
                .setTimeZone("Europe/London");
        for (Weekday day : List.of(
                Weekday.WEEKDAY_MONDAY,
                Weekday.WEEKDAY_TUESDAY,
                Weekday.WEEKDAY_WEDNESDAY,
                Weekday.WEEKDAY_THURSDAY,
                Weekday.WEEKDAY_FRIDAY)) {
            calendar.addWorkingHours(
                    WorkingHours.newBuilder().setDay(day).setStartTime("09:00").setEndTime("17:00"));
        }
        for (String date : holidays) {
            calendar.addHolidays(Holiday.newBuilder().setDate(date).setName("Bank holiday"));
        }
        return calendars.createCalendar(
                CreateCalendarRequest.newBuilder().setCalendar(calendar).build());
    }

    @Test
    void dueTimeSkipsTheWeekendAndHolidaysAndMeasuresTimeUsed() {
        Calendar calendar = office("2026-03-09");

        var due = calendars.computeDueTime(ComputeDueTimeRequest.newBuilder()
                .setCalendarId(calendar.getId())
                .setStartTime(at("2026-03-06T16:00:00Z"))
                .setBusinessDuration(hours(2))
                .build());
        assertEquals(at("2026-03-10T10:00:00Z"), due.getDueTime());

        var paused = calendars.computeDueTime(ComputeDueTimeRequest.newBuilder()
                .setCalendarId(calendar.getId())
                .setStartTime(at("2026-03-06T16:00:00Z"))
                .setBusinessDuration(hours(2))
                .addPausedIntervals(TimeInterval.newBuilder()
                        .setStartTime(at("2026-03-10T09:00:00Z"))
                        .setEndTime(at("2026-03-10T11:00:00Z")))
                .build());
        assertEquals(at("2026-03-10T12:00:00Z"), paused.getDueTime());

        var used = calendars.measureBusinessTime(MeasureBusinessTimeRequest.newBuilder()
                .setCalendarId(calendar.getId())
                .setStartTime(at("2026-03-06T16:00:00Z"))
                .setEndTime(at("2026-03-10T10:00:00Z"))
                .build());
        assertEquals(hours(2), used.getBusinessTime());
    }

    @Test
    void everyInvalidFieldIsNamed() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.createCalendar(CreateCalendarRequest.newBuilder()
                        .setCalendar(Calendar.newBuilder()
                                .setCode("BAD")
                                .setName("Bad")
                                .setTimeZone("Mars/Olympus")
                                .addWorkingHours(WorkingHours.newBuilder()
                                        .setDay(Weekday.WEEKDAY_MONDAY)
                                        .setStartTime("09:00")
                                        .setEndTime("13:00"))
                                .addWorkingHours(WorkingHours.newBuilder()
                                        .setDay(Weekday.WEEKDAY_MONDAY)
                                        .setStartTime("12:00")
                                        .setEndTime("25:00"))
                                .addWorkingHours(WorkingHours.newBuilder()
                                        .setStartTime("18:00")
                                        .setEndTime("17:00"))
                                .addHolidays(Holiday.newBuilder().setDate("2026-12-25"))
                                .addHolidays(Holiday.newBuilder().setDate("2026-12-25"))
                                .addHolidays(Holiday.newBuilder().setDate("25/12/2026")))
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "calendar.time_zone",
                        "calendar.working_hours[1].end_time",
                        "calendar.working_hours[2].day",
                        "calendar.working_hours[2].end_time",
                        "calendar.holidays[1].date",
                        "calendar.holidays[2].date"),
                GrpcErrors.violatedFields(e));

        var alwaysOpen = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.createCalendar(CreateCalendarRequest.newBuilder()
                        .setCalendar(Calendar.newBuilder()
                                .setCode("TWENTYFOURSEVEN")
                                .setName("24x7")
                                .setTimeZone("UTC")
                                .setAlwaysOpen(true)
                                .addHolidays(Holiday.newBuilder().setDate("2026-12-25")))
                        .build()));
        assertEquals(List.of("calendar.holidays"), GrpcErrors.violatedFields(alwaysOpen));

        var overlap = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.createCalendar(CreateCalendarRequest.newBuilder()
                        .setCalendar(Calendar.newBuilder()
                                .setCode("OVERLAP")
                                .setName("Overlap")
                                .setTimeZone("UTC")
                                .addWorkingHours(WorkingHours.newBuilder()
                                        .setDay(Weekday.WEEKDAY_MONDAY)
                                        .setStartTime("09:00")
                                        .setEndTime("13:00"))
                                .addWorkingHours(WorkingHours.newBuilder()
                                        .setDay(Weekday.WEEKDAY_MONDAY)
                                        .setStartTime("12:00")
                                        .setEndTime("24:00")))
                        .build()));
        assertEquals(List.of("calendar.working_hours[1].start_time"), GrpcErrors.violatedFields(overlap));
    }

    @Test
    void arithmeticFollowsEveryChangeOfTheCalendar() {
        Calendar calendar = office();
        ComputeDueTimeRequest twoHoursFromFriday = ComputeDueTimeRequest.newBuilder()
                .setCalendarId(calendar.getId())
                .setStartTime(at("2026-03-06T16:00:00Z"))
                .setBusinessDuration(hours(2))
                .build();
        assertEquals(
                at("2026-03-09T10:00:00Z"),
                calendars.computeDueTime(twoHoursFromFriday).getDueTime());

        // Calendars are cached by version: a new holiday must count at once.
        Calendar closedMonday = calendars.updateCalendar(UpdateCalendarRequest.newBuilder()
                .setCalendar(calendar.toBuilder()
                        .addHolidays(Holiday.newBuilder().setDate("2026-03-09").setName("Closed")))
                .setUpdateMask(FieldMask.newBuilder().addPaths("holidays"))
                .build());
        assertEquals(
                at("2026-03-10T10:00:00Z"),
                calendars.computeDueTime(twoHoursFromFriday).getDueTime());

        Calendar lateStart = calendars.updateCalendar(UpdateCalendarRequest.newBuilder()
                .setCalendar(closedMonday.toBuilder()
                        .clearHolidays()
                        .clearWorkingHours()
                        .addWorkingHours(WorkingHours.newBuilder()
                                .setDay(Weekday.WEEKDAY_MONDAY)
                                .setStartTime("11:00")
                                .setEndTime("17:00")))
                .setUpdateMask(FieldMask.newBuilder().addPaths("holidays").addPaths("working_hours"))
                .build());
        // Friday is no longer a working day: two hours from Monday 11:00.
        assertEquals(
                at("2026-03-09T13:00:00Z"),
                calendars.computeDueTime(twoHoursFromFriday).getDueTime());
        assertEquals(
                hours(1),
                calendars
                        .measureBusinessTime(MeasureBusinessTimeRequest.newBuilder()
                                .setCalendarId(lateStart.getId())
                                .setStartTime(at("2026-03-06T16:00:00Z"))
                                .setEndTime(at("2026-03-09T12:00:00Z"))
                                .build())
                        .getBusinessTime());
    }

    @Test
    void updatesReplaceListsAndNeedTheCurrentEtag() {
        Calendar calendar = office();
        Calendar updated = calendars.updateCalendar(UpdateCalendarRequest.newBuilder()
                .setCalendar(calendar.toBuilder()
                        .clearHolidays()
                        .addHolidays(Holiday.newBuilder().setDate("2026-03-09").setName("Closed")))
                .setUpdateMask(FieldMask.newBuilder().addPaths("holidays"))
                .build());
        assertEquals(1, updated.getHolidaysCount());
        assertEquals(calendar.getWorkingHoursList(), updated.getWorkingHoursList());
        assertNotEquals(calendar.getEtag(), updated.getEtag());
        assertEquals(
                updated,
                calendars.getCalendar(
                        GetCalendarRequest.newBuilder().setId(calendar.getId()).build()));

        var stale = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.updateCalendar(UpdateCalendarRequest.newBuilder()
                        .setCalendar(calendar.toBuilder().setName("Stale"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("name"))
                        .build()));
        assertEquals(Status.Code.ABORTED, stale.getStatus().getCode());

        var invalid = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.updateCalendar(UpdateCalendarRequest.newBuilder()
                        .setCalendar(updated.toBuilder().setAlwaysOpen(true))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("always_open"))
                        .build()));
        assertEquals(List.of("calendar.working_hours", "calendar.holidays"), GrpcErrors.violatedFields(invalid));
        assertEquals(
                updated,
                calendars.getCalendar(
                        GetCalendarRequest.newBuilder().setId(calendar.getId()).build()),
                "a refused update changes nothing");
    }

    @Test
    void badArithmeticRequestsAreRefused() {
        Calendar calendar = office();
        var missing = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.computeDueTime(ComputeDueTimeRequest.newBuilder()
                        .setCalendarId(UUID.randomUUID().toString())
                        .setStartTime(at("2026-03-06T16:00:00Z"))
                        .setBusinessDuration(hours(1))
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());

        var invalid = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.computeDueTime(ComputeDueTimeRequest.newBuilder()
                        .setCalendarId(calendar.getId())
                        .setBusinessDuration(hours(-1))
                        .addPausedIntervals(TimeInterval.newBuilder()
                                .setStartTime(at("2026-03-06T16:00:00Z"))
                                .setEndTime(at("2026-03-06T15:00:00Z")))
                        .build()));
        assertEquals(List.of("start_time", "business_duration"), GrpcErrors.violatedFields(invalid));

        var badPause = assertThrows(
                StatusRuntimeException.class,
                () -> calendars.computeDueTime(ComputeDueTimeRequest.newBuilder()
                        .setCalendarId(calendar.getId())
                        .setStartTime(at("2026-03-06T16:00:00Z"))
                        .setBusinessDuration(hours(1))
                        .addPausedIntervals(TimeInterval.newBuilder()
                                .setStartTime(at("2026-03-06T16:00:00Z"))
                                .setEndTime(at("2026-03-06T15:00:00Z")))
                        .build()));
        assertEquals(List.of("paused_intervals[0].end_time"), GrpcErrors.violatedFields(badPause));
    }

    @Test
    void calendarsArePaged() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(office().getId());
        }
        Set<String> seen = new HashSet<>();
        String token = "";
        do {
            ListCalendarsResponse page = calendars.listCalendars(ListCalendarsRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            page.getCalendarsList().forEach(c -> assertTrue(seen.add(c.getId())));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertTrue(seen.containsAll(created));
    }
}
