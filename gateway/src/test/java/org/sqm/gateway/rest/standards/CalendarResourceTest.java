package org.sqm.gateway.rest.standards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.standards.v1.Calendar;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.ComputeDueTimeResponse;
import org.sqm.proto.standards.v1.CreateCalendarRequest;
import org.sqm.proto.standards.v1.GetCalendarRequest;
import org.sqm.proto.standards.v1.Holiday;
import org.sqm.proto.standards.v1.ListCalendarsRequest;
import org.sqm.proto.standards.v1.ListCalendarsResponse;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.MeasureBusinessTimeResponse;
import org.sqm.proto.standards.v1.UpdateCalendarRequest;
import org.sqm.proto.standards.v1.Weekday;
import org.sqm.proto.standards.v1.WorkingHours;

@QuarkusTest
class CalendarResourceTest extends FakeBackendTest {

    static final Calendar CALENDAR = Calendar.newBuilder()
            .setId("c1")
            .setCode("CN-OFFICE")
            .setName("Office hours")
            .setTimeZone("Asia/Shanghai")
            .addWorkingHours(WorkingHours.newBuilder()
                    .setDay(Weekday.WEEKDAY_MONDAY)
                    .setStartTime("09:00")
                    .setEndTime("17:30"))
            .addHolidays(Holiday.newBuilder().setDate("2026-10-01"))
            .setEtag("e1")
            .setCreateTime(at("2026-01-01T00:00:00Z"))
            .setUpdateTime(at("2026-01-02T00:00:00Z"))
            .build();

    @Test
    void createTranslatesTheBodyAndAnswers201() {
        Backend.answer(CreateCalendarRequest.class, CALENDAR);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body("{\"code\":\"CN-OFFICE\",\"name\":\"Office hours\",\"timeZone\":\"Asia/Shanghai\","
                        + "\"workingHours\":[{\"day\":\"MONDAY\",\"startTime\":\"09:00\",\"endTime\":\"17:30\"}],"
                        + "\"holidays\":[{\"date\":\"2026-10-01\",\"name\":\"National day\"}]}")
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/calendars/c1"))
                .header("ETag", "\"e1\"")
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("alwaysOpen", equalTo(false))
                .body("workingHours[0].day", equalTo("MONDAY"))
                .body("workingHours[0].endTime", equalTo("17:30"))
                .body("holidays[0].date", equalTo("2026-10-01"))
                .body("holidays[0].name", nullValue())
                .body("createTime", equalTo("2026-01-01T00:00:00Z"))
                .body("updateTime", equalTo("2026-01-02T00:00:00Z"));
        CreateCalendarRequest sent = Backend.received(CreateCalendarRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals(
                Weekday.WEEKDAY_MONDAY, sent.getCalendar().getWorkingHours(0).getDay());
        assertEquals("National day", sent.getCalendar().getHolidays(0).getName());
    }

    @Test
    void readAndListAnswerCalendars() {
        Backend.answer(GetCalendarRequest.class, CALENDAR);
        given().when()
                .get("/api/v1/calendars/c1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("code", equalTo("CN-OFFICE"));
        assertEquals("c1", Backend.received(GetCalendarRequest.class).getId());
        Backend.answer(
                ListCalendarsRequest.class,
                ListCalendarsResponse.newBuilder()
                        .addCalendars(CALENDAR)
                        .setNextPageToken("t2")
                        .build());
        given().queryParam("pageSize", 1)
                .queryParam("pageToken", "t1")
                .when()
                .get("/api/v1/calendars")
                .then()
                .statusCode(200)
                .body("items.id", contains("c1"))
                .body("nextPageToken", equalTo("t2"));
        assertEquals(1, Backend.received(ListCalendarsRequest.class).getPageSize());
        assertEquals("t1", Backend.received(ListCalendarsRequest.class).getPageToken());
    }

    @Test
    void patchReplacesTheNamedListsOnly() {
        Backend.answer(UpdateCalendarRequest.class, CALENDAR);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"e1\"")
                .body("{\"alwaysOpen\":true,\"workingHours\":[],\"holidays\":null}")
                .when()
                .patch("/api/v1/calendars/c1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"");
        UpdateCalendarRequest sent = Backend.received(UpdateCalendarRequest.class);
        assertEquals(
                List.of("always_open", "working_hours", "holidays"),
                sent.getUpdateMask().getPathsList());
        assertEquals("e1", sent.getCalendar().getEtag());
        assertEquals("c1", sent.getCalendar().getId());
        assertTrue(sent.getCalendar().getAlwaysOpen());
        assertEquals(0, sent.getCalendar().getWorkingHoursCount());
        assertFalse(sent.getCalendar().hasCreateTime());
    }

    @Test
    void patchNamesWhatItCannotTake() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\"}")
                .when()
                .patch("/api/v1/calendars/c1")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON)
                .body("{\"workingHours\":[{\"day\":\"FUNDAY\"}]}")
                .when()
                .patch("/api/v1/calendars/c1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("workingHours[0].day"));
        given().contentType(ContentType.JSON)
                .body("{\"alwaysOpen\":\"yes\"}")
                .when()
                .patch("/api/v1/calendars/c1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("alwaysOpen"));
        assertTrue(Backend.requests(UpdateCalendarRequest.class).isEmpty());
    }

    @Test
    void computeDueTimeTranslatesTimesBothWays() {
        Backend.answer(
                ComputeDueTimeRequest.class,
                ComputeDueTimeResponse.newBuilder()
                        .setDueTime(at("2026-03-13T16:00:00Z"))
                        .build());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(
                        "{\"startTime\":\"2026-03-06T16:00:00Z\",\"businessDuration\":\"PT40H\","
                                + "\"pausedIntervals\":[{\"startTime\":\"2026-03-07T00:00:00Z\",\"endTime\":\"2026-03-08T00:00:00Z\"}]}")
                .when()
                .post("/api/v1/calendars/c1:computeDueTime")
                .then()
                .statusCode(200)
                .body("dueTime", equalTo("2026-03-13T16:00:00Z"));
        ComputeDueTimeRequest sent = Backend.received(ComputeDueTimeRequest.class);
        assertEquals("c1", sent.getCalendarId());
        assertEquals(at("2026-03-06T16:00:00Z"), sent.getStartTime());
        assertEquals(span("PT40H"), sent.getBusinessDuration());
        assertEquals(at("2026-03-08T00:00:00Z"), sent.getPausedIntervals(0).getEndTime());
    }

    @Test
    void measureBusinessTimeAnswersAnIsoDuration() {
        Backend.answer(
                MeasureBusinessTimeRequest.class,
                MeasureBusinessTimeResponse.newBuilder()
                        .setBusinessTime(span("PT2H30M"))
                        .build());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"startTime\":\"2026-03-06T16:00:00Z\",\"endTime\":\"2026-03-09T10:00:00Z\"}")
                .when()
                .post("/api/v1/calendars/c1:measureBusinessTime")
                .then()
                .statusCode(200)
                .body("businessTime", equalTo("PT2H30M"));
        assertEquals(
                at("2026-03-09T10:00:00Z"),
                Backend.received(MeasureBusinessTimeRequest.class).getEndTime());
    }

    @Test
    void badTimesAre400NamingTheFieldBeforeAnyCall() {
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"startTime\":\"2026-03-06T16:00:00Z\",\"businessDuration\":\"two hours\"}")
                .when()
                .post("/api/v1/calendars/c1:computeDueTime")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("businessDuration"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"startTime\":\"2026-03-06T16:00:00Z\",\"endTime\":\"2026-03-09T10:00:00Z\","
                        + "\"pausedIntervals\":[{\"startTime\":\"2026-03-07T00:00:00Z\",\"endTime\":\"soon\"}]}")
                .when()
                .post("/api/v1/calendars/c1:measureBusinessTime")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("pausedIntervals[0].endTime"));
        assertTrue(Backend.requests(ComputeDueTimeRequest.class).isEmpty());
        assertTrue(Backend.requests(MeasureBusinessTimeRequest.class).isEmpty());
    }

    @Test
    void backendErrorsBecomeProblems() {
        Backend.fail(CreateCalendarRequest.class, Statuses.invalid("calendar.working_hours[0].end_time", "bad"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\"}")
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("workingHours[0].endTime"));
        Backend.fail(GetCalendarRequest.class, Statuses.status(Code.NOT_FOUND, "CALENDAR_NOT_FOUND", "no c9"));
        given().when().get("/api/v1/calendars/c9").then().statusCode(404).body("reason", equalTo("CALENDAR_NOT_FOUND"));
        Backend.fail(UpdateCalendarRequest.class, Statuses.status(Code.ABORTED, "ETAG_MISMATCH", "stale"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"old\"")
                .body("{\"name\":\"N\"}")
                .when()
                .patch("/api/v1/calendars/c1")
                .then()
                .statusCode(409)
                .body("reason", equalTo("ETAG_MISMATCH"));
        Backend.fail(ListCalendarsRequest.class, Status.UNAVAILABLE.asRuntimeException());
        given().when()
                .get("/api/v1/calendars")
                .then()
                .statusCode(503)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNAVAILABLE"));
    }
}
