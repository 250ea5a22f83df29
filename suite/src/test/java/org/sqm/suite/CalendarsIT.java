package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Business calendars and business-time arithmetic through the real gateway and standards-service. */
@ExtendWith(SuiteExtension.class)
class CalendarsIT {

    private static final String PROBLEM = "application/problem+json";

    private static String officeCalendar() {
        String body =
                """
                {"code":"UK-%s","name":"UK office","timeZone":"Europe/London",
                 "workingHours":[
                   {"day":"MONDAY","startTime":"09:00","endTime":"17:00"},
                   {"day":"TUESDAY","startTime":"09:00","endTime":"17:00"},
                   {"day":"WEDNESDAY","startTime":"09:00","endTime":"17:00"},
                   {"day":"THURSDAY","startTime":"09:00","endTime":"17:00"},
                   {"day":"FRIDAY","startTime":"09:00","endTime":"17:00"}],
                 "holidays":[{"date":"2026-03-09","name":"Closed for training"}]}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 8));
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(201)
                .body("workingHours[4].day", equalTo("FRIDAY"))
                .extract()
                .path("id");
    }

    @Test
    void deadlinesSkipNightsWeekendsHolidaysAndPauses() {
        String id = officeCalendar();

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(
                        "{\"startTime\":\"2026-03-06T16:00:00Z\",\"businessDuration\":\"PT2H\","
                                + "\"pausedIntervals\":[{\"startTime\":\"2026-03-10T09:00:00Z\",\"endTime\":\"2026-03-10T10:30:00Z\"}]}")
                .when()
                .post("/api/v1/calendars/" + id + ":computeDueTime")
                .then()
                .statusCode(200)
                .body("dueTime", equalTo("2026-03-10T11:30:00Z"));

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"startTime\":\"2026-03-06T16:00:00Z\",\"endTime\":\"2026-03-10T12:00:00Z\"}")
                .when()
                .post("/api/v1/calendars/" + id + ":measureBusinessTime")
                .then()
                .statusCode(200)
                .body("businessTime", equalTo("PT4H"));
    }

    @Test
    void badInputIsA400NamingTheRestFields() {
        String id = officeCalendar();
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"startTime\":\"Friday\",\"businessDuration\":\"two hours\"}")
                .when()
                .post("/api/v1/calendars/" + id + ":computeDueTime")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("startTime"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"name\":\"X\",\"timeZone\":\"UTC\","
                        + "\"workingHours\":[{\"day\":\"MONDAY\",\"startTime\":\"17:00\",\"endTime\":\"09:00\"}]}")
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("workingHours[0].endTime"));
    }

    @Test
    void changesNeedTheCurrentEtag() {
        String id = officeCalendar();
        String etag = given().when()
                .get("/api/v1/calendars/{id}", id)
                .then()
                .extract()
                .header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"holidays\":[]}")
                .when()
                .patch("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(200)
                .body("holidays.size()", equalTo(0));
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"name\":\"Stale\"}")
                .when()
                .patch("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("ETAG_MISMATCH"));
    }
}
