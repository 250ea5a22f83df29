package org.sqm.gateway.rest.inspections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CompleteSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.CreateSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.GetSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersResponse;
import org.sqm.proto.inspection.v1.RecordSupervisionCauseRequest;
import org.sqm.proto.inspection.v1.SubmitSupervisionReportRequest;
import org.sqm.proto.inspection.v1.SupervisionMove;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionReport;
import org.sqm.proto.inspection.v1.SupervisionStatus;

@QuarkusTest
class SupervisionOrderResourceTest extends FakeBackendTest {

    static final SupervisionOrder ORDER = SupervisionOrder.newBuilder()
            .setId("s1")
            .setUnitId("u1")
            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
            .setIssuer("Sichuan Provincial Company")
            .setProblem("Queue times above 30 minutes")
            .setIssueTime(at("2026-03-02T08:00:00Z"))
            .setDueTime(at("2026-03-22T08:00:00Z"))
            .setReportInterval(span("P7D"))
            .setStatus(SupervisionStatus.SUPERVISION_STATUS_OPEN)
            .addReports(SupervisionReport.newBuilder()
                    .setNumber(1)
                    .setDueTime(at("2026-03-09T08:00:00Z"))
                    .setSubmitTime(at("2026-03-10T08:00:00Z"))
                    .setNote("two more counters")
                    .setLate(true)
                    .setActor("hall"))
            .setReportsSubmitted(1)
            .setLateReports(1)
            .setMissingReports(1)
            .setNextReportDueTime(at("2026-03-16T08:00:00Z"))
            .setReportOverdue(true)
            .addHistory(SupervisionMove.newBuilder()
                    .setTime(at("2026-03-02T08:00:00Z"))
                    .setActor("province")
                    .setAction("ISSUE")
                    .setToStatus(SupervisionStatus.SUPERVISION_STATUS_OPEN))
            .setUpdateTime(at("2026-03-10T08:00:00Z"))
            .setEtag("e1")
            .build();

    @Test
    void createSendsTheOrderWithKeyAndActorAndAnswers201() {
        Backend.answer(CreateSupervisionOrderRequest.class, ORDER);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body("{\"unitId\":\"u1\",\"authorityLevel\":\"PROVINCIAL\",\"issuer\":\"Sichuan Provincial Company\","
                        + "\"regulator\":true,\"problem\":\"Queue times\",\"dueTime\":\"2026-03-22T08:00:00Z\","
                        + "\"reportInterval\":\"P7D\"}")
                .when()
                .post("/api/v1/supervisionOrders")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/supervisionOrders/s1"))
                .header("ETag", "\"e1\"")
                .body("status", equalTo("OPEN"))
                .body("reportInterval", equalTo("PT168H"))
                .body("reports[0].late", equalTo(true))
                .body("missingReports", equalTo(1))
                .body("nextReportDueTime", equalTo("2026-03-16T08:00:00Z"))
                .body("history[0].actor", equalTo("province"))
                .body("history[0].fromStatus", nullValue())
                .body("doneTime", nullValue());
        CreateSupervisionOrderRequest sent = Backend.received(CreateSupervisionOrderRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals("", sent.getActor());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, sent.getOrder().getAuthorityLevel());
        assertTrue(sent.getOrder().getRegulator());
        assertEquals(span("P7D"), sent.getOrder().getReportInterval());
        assertEquals(at("2026-03-22T08:00:00Z"), sent.getOrder().getDueTime());
    }

    @Test
    void badBodiesAre400BeforeAnyCall() {
        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u1\",\"reportInterval\":\"weekly\"}")
                .when()
                .post("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("reportInterval"));
        given().contentType(ContentType.JSON)
                .body("{\"dueTime\":\"next week\"}")
                .when()
                .post("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dueTime"));
        given().contentType(ContentType.JSON)
                .body("{\"authorityLevel\":\"MAYOR\"}")
                .when()
                .post("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("authorityLevel"));
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertTrue(Backend.requests(CreateSupervisionOrderRequest.class).isEmpty());

        // The service's field violations come back in the REST body's terms.
        Backend.fail(
                CreateSupervisionOrderRequest.class,
                Statuses.invalid("order.due_time", "must be in the future", "order.unit_id", "no unit has this id"));
        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u9\"}")
                .when()
                .post("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .body("errors.field", contains("dueTime", "unitId"));
    }

    @Test
    void readAndListAnswerOrders() {
        Backend.answer(GetSupervisionOrderRequest.class, ORDER);
        given().when()
                .get("/api/v1/supervisionOrders/s1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("issuer", equalTo("Sichuan Provincial Company"))
                .body("regulator", equalTo(false));
        assertEquals("s1", Backend.received(GetSupervisionOrderRequest.class).getId());
        Backend.answer(
                ListSupervisionOrdersRequest.class,
                ListSupervisionOrdersResponse.newBuilder()
                        .addOrders(ORDER.toBuilder().clearReports().clearHistory())
                        .setNextPageToken("more")
                        .build());
        given().queryParam("pageSize", 5)
                .queryParam("unitId", "u1")
                .queryParam("status", "CAUSE_FOUND")
                .queryParam("overdue", "true")
                .queryParam("reportOverdue", "true")
                .when()
                .get("/api/v1/supervisionOrders")
                .then()
                .statusCode(200)
                .body("items.id", contains("s1"))
                .body("items[0].reports", nullValue())
                .body("items[0].history", nullValue())
                .body("nextPageToken", equalTo("more"));
        ListSupervisionOrdersRequest sent = Backend.received(ListSupervisionOrdersRequest.class);
        assertEquals(5, sent.getPageSize());
        assertEquals("u1", sent.getUnitId());
        assertEquals(SupervisionStatus.SUPERVISION_STATUS_CAUSE_FOUND, sent.getStatus());
        assertTrue(sent.getOverdueOnly());
        assertTrue(sent.getReportOverdueOnly());
        given().queryParam("reportOverdue", "maybe")
                .when()
                .get("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reportOverdue"));
    }

    @Test
    void openOnlyAsksForTheOpenStatusesInOneCallAndWithStatusIsA400() {
        given().queryParam("openOnly", "true")
                .queryParam("unitId", "u1")
                .when()
                .get("/api/v1/supervisionOrders")
                .then()
                .statusCode(200);
        assertTrue(Backend.received(ListSupervisionOrdersRequest.class).getOpenOnly());
        given().queryParam("unitId", "u1")
                .when()
                .get("/api/v1/supervisionOrders")
                .then()
                .statusCode(200);
        assertFalse(Backend.received(ListSupervisionOrdersRequest.class).getOpenOnly(), "absent: every status");
        given().queryParam("openOnly", "maybe")
                .when()
                .get("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"));
        // With status beside it the service refuses; the problem names the REST parameter.
        Backend.fail(
                ListSupervisionOrdersRequest.class,
                Statuses.invalid(
                        "open_only", "cannot be combined with status: open_only already means the open statuses"));
        given().queryParam("openOnly", "true")
                .queryParam("status", "OPEN")
                .when()
                .get("/api/v1/supervisionOrders")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"))
                .body("errors[0].message", containsString("cannot be combined with status"));
    }

    @Test
    void everyVerbCallsItsRpcWithIdEtagActorAndBody() {
        Backend.answer(RecordSupervisionCauseRequest.class, ORDER);
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .contentType(ContentType.JSON)
                .body("{\"cause\":\"one counter at lunch time\"}")
                .when()
                .post("/api/v1/supervisionOrders/s1:recordCause")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"");
        RecordSupervisionCauseRequest cause = Backend.received(RecordSupervisionCauseRequest.class);
        assertEquals("s1", cause.getId());
        assertEquals("e1", cause.getEtag());
        assertEquals("", cause.getActor());
        assertEquals("one counter at lunch time", cause.getCause());

        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e2\"")
                .contentType(ContentType.JSON)
                .body("{\"note\":\"queue system ordered\"}")
                .when()
                .post("/api/v1/supervisionOrders/s1:report")
                .then()
                .statusCode(200);
        SubmitSupervisionReportRequest report = Backend.received(SubmitSupervisionReportRequest.class);
        assertEquals("e2", report.getEtag());
        assertEquals("queue system ordered", report.getNote());
        assertEquals("", report.getActor());

        Backend.fail(
                CompleteSupervisionOrderRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "CAUSE_REQUIRED", "record the cause first"));
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e3\"")
                .contentType(ContentType.JSON)
                .body("{\"note\":\"done\"}")
                .when()
                .post("/api/v1/supervisionOrders/s1:complete")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("CAUSE_REQUIRED"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"note\":7}")
                .when()
                .post("/api/v1/supervisionOrders/s1:report")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/supervisionOrders/s1:verify")
                .then()
                .statusCode(404);
        assertFalse(Backend.requests(CompleteSupervisionOrderRequest.class).isEmpty());
    }
}
