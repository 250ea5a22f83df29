package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.testing.auth.Bearer;

/**
 * Complaints through the real gateway and complaint-service, with deadlines from the real
 * standards-service: a published standard's targets on an office-hours calendar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class ComplaintsIT {

    private static final String PROBLEM = "application/problem+json";

    private String team;
    private String branch;
    private String calendar;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @BeforeAll
    void unitOnAnOfficeCalendarWithAStandardInForce() throws Exception {
        StringBuilder hours = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.append(hours.length() == 0 ? "" : ",")
                    .append("{\"day\":\"")
                    .append(day)
                    .append("\",\"startTime\":\"09:00\",\"endTime\":\"17:00\"}");
        }
        calendar = given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + unique("UK") + "\",\"name\":\"UK office\",\"timeZone\":\"Europe/London\","
                        + "\"workingHours\":[" + hours + "]}")
                .when()
                .post("/api/v1/calendars")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        branch = given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + unique("AM-BR") + "\",\"name\":\"Branch\",\"type\":\"CITY_BRANCH\","
                        + "\"calendarId\":\"" + calendar + "\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        team = given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + unique("AM") + "\",\"name\":\"Account managers\","
                        + "\"type\":\"ACCOUNT_MANAGEMENT_TEAM\",\"parentId\":\"" + branch + "\"}")
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String document = Files.readString(SuiteExtension.home()
                        .resolve("standards-service/src/main/resources/catalogue/service-hall-and-hotline.json"))
                .replace("\"code\": \"SQM-HALL-HOTLINE\"", "\"code\": \"" + unique("AM-STD") + "\"")
                .replace("\"SERVICE_HALL\",\n    \"HOTLINE\",\n    \"ONLINE_SERVICE\"", "\"ACCOUNT_MANAGEMENT_TEAM\"");
        Response draft = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(document)
                .when()
                .post("/api/v1/standards:import");
        draft.then().statusCode(201);
        given().urlEncodingEnabled(false)
                .header("If-Match", draft.header("ETag"))
                .when()
                .post("/api/v1/standards/" + draft.<String>path("id") + ":publish")
                .then()
                .statusCode(200);
    }

    private String complaintBody(String severity, String receiveTime) {
        return "{\"unitId\":\"" + team + "\",\"channel\":\"EMAIL\",\"category\":\"BILLING\",\"severity\":\"" + severity
                + "\",\"description\":\"Charged twice for March.\",\"remedySought\":\"Refund\","
                + "\"complainant\":{\"name\":\"Ann Smith\",\"email\":\"ann@example.org\"}"
                + (receiveTime == null ? "" : ",\"receiveTime\":\"" + receiveTime + "\"") + "}";
    }

    private Response move(String id, String etag, String move, String body) {
        var request = given().urlEncodingEnabled(false)
                .header("If-Match", etag)
                .header("Authorization", Bearer.administratorAs("agent-42"));
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/complaints/" + id + ":" + move);
    }

    @Test
    void deadlinesRunOnTheUnitsCalendarAndTheLifecycleIsFollowed() {
        // Friday 16:00 in London: 1 working hour left that day, then Monday.
        Response created = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", Bearer.administratorAs("agent-42"))
                .body(complaintBody("MEDIUM", "2026-03-06T16:00:00Z"))
                .when()
                .post("/api/v1/complaints");
        created.then()
                .statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .body("complainant", nullValue())
                .body("deadlines.find { it.kind == 'ACKNOWLEDGE' }.dueTime", equalTo("2026-03-09T16:00:00Z"))
                .body("deadlines.find { it.kind == 'FIRST_RESPONSE' }.dueTime", equalTo("2026-03-09T16:00:00Z"))
                .body("deadlines.find { it.kind == 'RESOLVE' }.dueTime", equalTo("2026-03-27T16:00:00Z"))
                .body("deadlines.find { it.kind == 'RESOLVE' }.used", nullValue())
                .body("deadlines.find { it.kind == 'ACKNOWLEDGE' }.breached", equalTo(true))
                .body("history[0].actor", equalTo("agent-42"));
        String id = created.path("id");

        // The complainant's contact details are for quality managers and complaint handlers, not administrators.
        given().header("Authorization", Tokens.bearer("quality-manager"))
                .queryParam("view", "full")
                .when()
                .get("/api/v1/complaints/{id}", id)
                .then()
                .statusCode(200)
                .body("complainant.email", equalTo("ann@example.org"))
                .body("deadlines.find { it.kind == 'RESOLVE' }.used", notNullValue());
        given().queryParam("unitId", team)
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.complainant", not(hasItem(notNullValue())));

        String etag = created.header("ETag");
        etag = move(id, etag, "acknowledge", null)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        move(id, etag, "close", null)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("TRANSITION_NOT_ALLOWED"));
        etag = move(id, etag, "startInvestigation", null)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        move(id, etag, "resolve", "{}")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("rootCause"));
        move(id, etag, "resolve", "{\"rootCause\":\"DUPLICATE_DEBIT\",\"remedy\":\"Refunded the second charge\"}")
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("rootCause", equalTo("DUPLICATE_DEBIT"))
                .body("history.action", equalTo(List.of("RECEIVE", "ACKNOWLEDGE", "START_INVESTIGATION", "RESOLVE")));
    }

    @Test
    void criticalComplaintsAreEscalatedAndBadInputIsRefused() {
        given().contentType(ContentType.JSON)
                .body(complaintBody("CRITICAL", null))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .body("escalationLevel", equalTo(1))
                .body("deadlines.find { it.kind == 'RESOLVE' }.allowed", equalTo("PT40H"));

        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"" + UUID.randomUUID() + "\",\"channel\":\"EMAIL\",\"category\":\"NOPE\","
                        + "\"severity\":\"LOW\",\"description\":\"\",\"complainant\":{\"name\":\"A\"}}")
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("complainant"))
                .body("errors.field", hasItem("category"));

        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(complaintBody("LOW", null))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(complaintBody("HIGH", null))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("REQUEST_ID_REUSED"));
        given().when()
                .get("/api/v1/complaint-categories")
                .then()
                .statusCode(200)
                .body("code", hasItem("BILLING"));
    }

    @Test
    void aPauseMovesTheResolutionDeadlineByThePausedBusinessTimeOnTheRealCalendar() throws Exception {
        Response created = given().contentType(ContentType.JSON)
                .body(complaintBody("LOW", null))
                .when()
                .post("/api/v1/complaints");
        created.then().statusCode(201);
        String id = created.path("id");
        Response investigating = move(id, created.header("ETag"), "startInvestigation", null);
        investigating.then().statusCode(200);
        String dueBefore = investigating.path("deadlines.find { it.kind == 'RESOLVE' }.dueTime");
        Response waiting = move(id, investigating.header("ETag"), "waitOnCustomer", null);
        waiting.then().statusCode(200).body("status", equalTo("WAITING_ON_CUSTOMER"));
        Thread.sleep(1_200);
        Response resumed = move(id, waiting.header("ETag"), "resume", null);
        resumed.then().statusCode(200).body("status", equalTo("INVESTIGATING"));
        String dueAfter = resumed.path("deadlines.find { it.kind == 'RESOLVE' }.dueTime");
        List<String> times = resumed.path("history.time");
        String pausedAt = times.get(times.size() - 2);
        String resumedAt = times.get(times.size() - 1);

        // Whatever day and hour this runs, the deadline moves by the business time of the pause,
        // as standards-service measures it on the unit's calendar (zero at night or at weekends).
        String paused = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"startTime\":\"" + pausedAt + "\",\"endTime\":\"" + resumedAt + "\"}")
                .when()
                .post("/api/v1/calendars/" + calendar + ":measureBusinessTime")
                .then()
                .statusCode(200)
                .extract()
                .path("businessTime");
        assertEquals(
                java.time.Duration.parse(paused),
                java.time.Duration.between(java.time.Instant.parse(dueBefore), java.time.Instant.parse(dueAfter)));
    }

    @Test
    void satisfactionCallBackAndStatisticsThroughRest() {
        Response created = given().contentType(ContentType.JSON)
                .body(complaintBody("MEDIUM", "2026-03-02T10:00:00Z"))
                .when()
                .post("/api/v1/complaints");
        String id = created.path("id");
        Response resolved = move(
                id,
                move(id, created.header("ETag"), "startInvestigation", null).header("ETag"),
                "resolve",
                "{\"rootCause\":\"BILLING_ERROR\",\"remedy\":\"Refund\"}");
        resolved.then().statusCode(200).body("resolutionBusinessTime", notNullValue());
        Response unhappy =
                move(id, resolved.header("ETag"), "recordSatisfaction", "{\"score\":1,\"note\":\"Too slow\"}");
        unhappy.then()
                .statusCode(200)
                .body("satisfaction", equalTo(1))
                .body("deadlines.find { it.kind == 'CALL_BACK' }.allowed", equalTo("PT8H"));
        move(id, unhappy.header("ETag"), "close", null)
                .then()
                .statusCode(409)
                .body("reason", equalTo("CALL_BACK_OPEN"));
        Response called = move(id, unhappy.header("ETag"), "recordCallBack", "{\"outcome\":\"Apologised\"}");
        called.then().statusCode(200).body("callBackOutcome", equalTo("Apologised"));
        move(id, called.header("ETag"), "close", null).then().statusCode(200).body("status", equalTo("CLOSED"));

        given().queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2027-01-01T00:00:00Z")
                .queryParam("includeDescendants", "true")
                .when()
                .get("/api/v1/units/{id}/complaintStatistics", branch)
                .then()
                .statusCode(200)
                .body("received", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("callBacksRequired", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("callBacksDone", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .when()
                .get("/api/v1/units/{id}/complaintStatistics", branch)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("periodEnd"));
    }
}
