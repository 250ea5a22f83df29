package org.sqm.gateway.rest.scoring;

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
import org.sqm.proto.scoring.v1.CreateViolationRequest;
import org.sqm.proto.scoring.v1.GetViolationRequest;
import org.sqm.proto.scoring.v1.ListViolationsRequest;
import org.sqm.proto.scoring.v1.ListViolationsResponse;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsRequest;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsResponse;
import org.sqm.proto.scoring.v1.Violation;
import org.sqm.proto.scoring.v1.ViolationSource;
import org.sqm.proto.scoring.v1.ViolationState;
import org.sqm.proto.scoring.v1.ViolationWithdrawal;
import org.sqm.proto.scoring.v1.WithdrawViolationRequest;

@QuarkusTest
class ViolationResourceTest extends FakeBackendTest {

    static final Violation LATE = Violation.newBuilder()
            .setId("v1")
            .setUnitId("u1")
            .setRuleCode("REPORT_LATE")
            .setPointsMillis(500)
            .setOccurredTime(at("2026-04-09T02:00:00Z"))
            .setEvidence("March report came in on 2026-04-09")
            .setReportedBy("City customer service department")
            .setSource(ViolationSource.VIOLATION_SOURCE_MANUAL)
            .setRecordTime(at("2026-04-10T02:00:00Z"))
            .setState(ViolationState.VIOLATION_STATE_ACTIVE)
            .setEtag("1")
            .build();

    @Test
    void aViolationIsRecordedWithItsEtagAndTheIdempotencyKey() {
        Backend.answer(CreateViolationRequest.class, LATE);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body("{\"unitId\":\"u1\",\"ruleCode\":\"REPORT_LATE\",\"occurredTime\":\"2026-04-09T02:00:00Z\","
                        + "\"evidence\":\"March report came in on 2026-04-09\",\"reportedBy\":\"City\"}")
                .when()
                .post("/api/v1/violations")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/violations/v1"))
                .header("ETag", "\"1\"")
                .body("state", equalTo("ACTIVE"))
                .body("source", equalTo("MANUAL"))
                .body("sourceId", nullValue())
                .body("withdrawal", nullValue());
        CreateViolationRequest sent = Backend.received(CreateViolationRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals(at("2026-04-09T02:00:00Z"), sent.getViolation().getOccurredTime());

        Backend.fail(
                CreateViolationRequest.class,
                Statuses.invalid("request_id", "is required", "violation.occurred_time", "is required"));
        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u1\"}")
                .when()
                .post("/api/v1/violations")
                .then()
                .statusCode(400)
                .body("errors.field", contains("Idempotency-Key", "occurredTime"));
        assertFalse(
                Backend.received(CreateViolationRequest.class).getViolation().hasOccurredTime());
        given().contentType(ContentType.JSON)
                .body("{\"occurredTime\":\"yesterday\"}")
                .when()
                .post("/api/v1/violations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredTime"));
    }

    @Test
    void withdrawIsAStateChangeWithIfMatchActorAndReason() {
        Violation withdrawn = LATE.toBuilder()
                .setState(ViolationState.VIOLATION_STATE_WITHDRAWN)
                .setWithdrawal(ViolationWithdrawal.newBuilder()
                        .setReason("Appeal upheld")
                        .setWithdrawnBy("Wang Fang")
                        .setWithdrawTime(at("2026-05-01T00:00:00Z")))
                .setEtag("2")
                .build();
        Backend.answer(WithdrawViolationRequest.class, withdrawn);
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"reason\":\"Appeal upheld\"}")
                .when()
                .post("/api/v1/violations/v1:withdraw")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("state", equalTo("WITHDRAWN"))
                .body("withdrawal.withdrawnBy", equalTo("Wang Fang"))
                .body("withdrawal.withdrawTime", equalTo("2026-05-01T00:00:00Z"));
        WithdrawViolationRequest sent = Backend.received(WithdrawViolationRequest.class);
        assertEquals("v1", sent.getId());
        assertEquals("1", sent.getEtag());
        assertEquals("", sent.getActor());
        assertEquals("Appeal upheld", sent.getReason());

        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/violations/v1:delete")
                .then()
                .statusCode(404);
        Backend.fail(WithdrawViolationRequest.class, Statuses.status(Code.ABORTED, "ETAG_MISMATCH", "stale"));
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"1\"")
                .when()
                .post("/api/v1/violations/v1:withdraw")
                .then()
                .statusCode(409)
                .body("reason", equalTo("ETAG_MISMATCH"));
    }

    @Test
    void theLedgerIsReadByUnitAndPeriod() {
        Backend.answer(GetViolationRequest.class, LATE);
        given().when().get("/api/v1/violations/v1").then().statusCode(200).header("ETag", "\"1\"");
        Backend.answer(
                ListViolationsRequest.class,
                ListViolationsResponse.newBuilder().addViolations(LATE).build());
        given().queryParam("unitId", "u1")
                .queryParam("from", "2026-04-01T00:00:00Z")
                .queryParam("to", "2026-05-01T00:00:00Z")
                .queryParam("includeWithdrawn", "true")
                .when()
                .get("/api/v1/violations")
                .then()
                .statusCode(200)
                .body("items.id", contains("v1"));
        ListViolationsRequest sent = Backend.received(ListViolationsRequest.class);
        assertEquals(at("2026-04-01T00:00:00Z"), sent.getPeriodStart());
        assertEquals(at("2026-05-01T00:00:00Z"), sent.getPeriodEnd());
        assertTrue(sent.getShowWithdrawn());
        given().queryParam("from", "April")
                .when()
                .get("/api/v1/violations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void orderLapsesAreRecordedForAPeriodOnDemand() {
        Backend.answer(
                RecordOrderLapseViolationsRequest.class,
                RecordOrderLapseViolationsResponse.newBuilder()
                        .setLapsesRead(5)
                        .setViolationsRecorded(3)
                        .setAlreadyRecorded(2)
                        .build());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"periodStart\":\"2026-03-01T00:00:00Z\",\"periodEnd\":\"2026-04-01T00:00:00Z\"}")
                .when()
                .post("/api/v1/violations:recordOrderLapses")
                .then()
                .statusCode(200)
                .body("lapsesRead", equalTo(5))
                .body("violationsRecorded", equalTo(3))
                .body("alreadyRecorded", equalTo(2));
        assertEquals(
                at("2026-04-01T00:00:00Z"),
                Backend.received(RecordOrderLapseViolationsRequest.class).getPeriodEnd());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"periodEnd\":\"2026-04-01T00:00:00Z\"}")
                .when()
                .post("/api/v1/violations:recordOrderLapses")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("periodStart"));
        Backend.fail(
                RecordOrderLapseViolationsRequest.class,
                Statuses.status(Code.UNAVAILABLE, "DEPENDENCY_UNAVAILABLE", "inspection-service did not answer"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"periodStart\":\"2026-03-01T00:00:00Z\",\"periodEnd\":\"2026-04-01T00:00:00Z\"}")
                .when()
                .post("/api/v1/violations:recordOrderLapses")
                .then()
                .statusCode(503);
    }
}
