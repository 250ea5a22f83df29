package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationEvent;
import org.sqm.proto.scoring.v1.CertificationStatus;
import org.sqm.proto.scoring.v1.GetCertificationRequest;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsResponse;
import org.sqm.proto.scoring.v1.ReinstateCertificationRequest;
import org.sqm.proto.scoring.v1.SuspendCertificationRequest;

@QuarkusTest
class CertificationResourceTest extends FakeBackendTest {

    static final Certification ACTIVE = Certification.newBuilder()
            .setId("c1")
            .setUnitId("u1")
            .setRulesCode("CSE")
            .setRulesId("r1")
            .setStatus(CertificationStatus.CERTIFICATION_STATUS_ACTIVE)
            .setGrantTime(at("2027-01-10T02:00:00Z"))
            .setValidUntil(at("2030-01-10T02:00:00Z"))
            .setNextReviewDueTime(at("2028-01-10T02:00:00Z"))
            .setPlannedInspectionId("i1")
            .setLatestDecisionId("d1")
            .addActionPlanOrderIds("o1")
            .setActionPlanDueTime(at("2027-04-10T02:00:00Z"))
            .addHistory(CertificationEvent.newBuilder()
                    .setTime(at("2027-01-10T02:00:00Z"))
                    .setAction("GRANT")
                    .setToStatus(CertificationStatus.CERTIFICATION_STATUS_ACTIVE)
                    .setReason("granted: decision d1 accredited with action plan")
                    .setActor("assessor-7")
                    .setDecisionId("d1")
                    .setPlannedInspectionId("i1"))
            .setEtag("3")
            .build();

    @Test
    void aCertificationIsReadWithItsHistoryAndListedWithoutIt() {
        Backend.answer(GetCertificationRequest.class, ACTIVE);
        given().when()
                .get("/api/v1/certifications/c1")
                .then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("status", equalTo("ACTIVE"))
                .body("validUntil", equalTo("2030-01-10T02:00:00Z"))
                .body("nextReviewDueTime", equalTo("2028-01-10T02:00:00Z"))
                .body("nextReviewIsReassessment", equalTo(false))
                .body("plannedInspectionId", equalTo("i1"))
                .body("actionPlanOrderIds", contains("o1"))
                .body("actionPlanDueTime", equalTo("2027-04-10T02:00:00Z"))
                .body("history[0].action", equalTo("GRANT"))
                .body("history[0]", not(hasKey("fromStatus")))
                .body("history[0].toStatus", equalTo("ACTIVE"))
                .body("history[0].actor", equalTo("assessor-7"))
                .body("history[0].time", equalTo("2027-01-10T02:00:00Z"))
                .body("history[0].decisionId", equalTo("d1"));
        assertEquals("c1", Backend.received(GetCertificationRequest.class).getId());

        Backend.answer(
                ListCertificationsRequest.class,
                ListCertificationsResponse.newBuilder()
                        .addCertifications(ACTIVE.toBuilder().clearHistory())
                        .setNextPageToken("next")
                        .build());
        given().queryParam("unitId", "u1")
                .queryParam("status", "ACTIVE")
                .queryParam("pageSize", "1")
                .when()
                .get("/api/v1/certifications")
                .then()
                .statusCode(200)
                .body("items.id", contains("c1"))
                .body("items[0]", not(hasKey("history")))
                .body("nextPageToken", equalTo("next"));
        ListCertificationsRequest sent = Backend.received(ListCertificationsRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertEquals(CertificationStatus.CERTIFICATION_STATUS_ACTIVE, sent.getStatus());
        assertEquals(1, sent.getPageSize());

        given().queryParam("status", "EXPIRED")
                .when()
                .get("/api/v1/certifications")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Backend.fail(GetCertificationRequest.class, Statuses.status(Code.NOT_FOUND, "NOT_FOUND", "no certification"));
        given().when().get("/api/v1/certifications/c9").then().statusCode(404);
    }

    @Test
    void suspendAndReinstateTakeEtagAndReasonFromTheBodyAndTheActorFromXActor() {
        Certification suspended = ACTIVE.toBuilder()
                .setStatus(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED)
                .addHistory(CertificationEvent.newBuilder()
                        .setTime(at("2027-02-01T00:00:00Z"))
                        .setAction("SUSPEND")
                        .setFromStatus(CertificationStatus.CERTIFICATION_STATUS_ACTIVE)
                        .setToStatus(CertificationStatus.CERTIFICATION_STATUS_SUSPENDED)
                        .setReason("under investigation")
                        .setActor("ops-lead"))
                .setEtag("4")
                .build();
        Backend.answer(SuspendCertificationRequest.class, suspended);
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"etag\":\"3\",\"reason\":\"under investigation\"}")
                .when()
                .post("/api/v1/certifications/c1:suspend")
                .then()
                .statusCode(200)
                .header("ETag", "\"4\"")
                .body("status", equalTo("SUSPENDED"))
                .body("history[1].action", equalTo("SUSPEND"))
                .body("history[1].fromStatus", equalTo("ACTIVE"))
                .body("history[1].reason", equalTo("under investigation"))
                .body("history[1].decisionId", nullValue());
        SuspendCertificationRequest sent = Backend.received(SuspendCertificationRequest.class);
        assertEquals("c1", sent.getId());
        assertEquals("3", sent.getEtag());
        assertEquals("under investigation", sent.getReason());
        assertEquals("", sent.getActor());

        Backend.answer(
                ReinstateCertificationRequest.class,
                ACTIVE.toBuilder().setEtag("5").build());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"4\"")
                .body("{\"reason\":\"cleared\"}")
                .when()
                .post("/api/v1/certifications/c1:reinstate")
                .then()
                .statusCode(200)
                .header("ETag", "\"5\"");
        ReinstateCertificationRequest reinstate = Backend.received(ReinstateCertificationRequest.class);
        assertEquals("4", reinstate.getEtag());
        assertEquals("", reinstate.getActor());

        Backend.fail(
                ReinstateCertificationRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "INVALID_TRANSITION", "certification c1 is ACTIVE"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"etag\":\"5\",\"reason\":\"again\"}")
                .when()
                .post("/api/v1/certifications/c1:reinstate")
                .then()
                .statusCode(409)
                .body("reason", equalTo("INVALID_TRANSITION"));
        Backend.fail(
                SuspendCertificationRequest.class, Statuses.invalid("etag", "is required", "reason", "is required"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/certifications/c1:suspend")
                .then()
                .statusCode(400)
                .body("errors.field", contains("If-Match", "reason"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("[1]")
                .when()
                .post("/api/v1/certifications/c1:suspend")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/certifications/c1:revoke")
                .then()
                .statusCode(404);
    }
}
