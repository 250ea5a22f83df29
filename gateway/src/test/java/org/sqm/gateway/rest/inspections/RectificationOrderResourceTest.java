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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.inspection.v1.CompleteRectificationOrderRequest;
import org.sqm.proto.inspection.v1.Finding;
import org.sqm.proto.inspection.v1.FindingSeverity;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationMove;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.StartRectificationOrderRequest;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;
import org.sqm.proto.inspection.v1.VerifyRectificationOrderRequest;

@QuarkusTest
class RectificationOrderResourceTest extends FakeBackendTest {

    static final RectificationOrder ORDER = RectificationOrder.newBuilder()
            .setId("o1")
            .setFinding(Finding.newBuilder()
                    .setId("f1")
                    .setInspectionId("n1")
                    .setUnitId("u1")
                    .setElementCode("4.3.2")
                    .setElementTitle("Ticket")
                    .setPoints(0)
                    .setSeverity(FindingSeverity.FINDING_SEVERITY_MAJOR))
            .setOwnerUnitId("u1")
            .setDescription("Fix the ticket machine")
            .setDueTime(at("2026-05-01T00:00:00Z"))
            .setStatus(RectificationStatus.RECTIFICATION_STATUS_OPEN)
            .setCreateTime(at("2026-04-01T00:00:00Z"))
            .setEtag("e1")
            .build();

    @Test
    void readShowsTheOrderWithItsFinding() {
        Backend.answer(GetRectificationOrderRequest.class, ORDER);
        given().when()
                .get("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("status", equalTo("OPEN"))
                .body("finding.severity", equalTo("MAJOR"))
                .body("finding.levelCode", nullValue())
                .body("dueTime", equalTo("2026-05-01T00:00:00Z"))
                .body("doneTime", nullValue())
                .body("overdue", equalTo(false));
        assertEquals("o1", Backend.received(GetRectificationOrderRequest.class).getId());
    }

    @Test
    void listPassesFiltersAndPaging() {
        Backend.answer(
                ListRectificationOrdersRequest.class,
                ListRectificationOrdersResponse.newBuilder().addOrders(ORDER).build());
        given().queryParam("pageSize", 2)
                .queryParam("pageToken", "t")
                .queryParam("ownerUnitId", "u1")
                .queryParam("inspectionId", "n1")
                .queryParam("status", "IN_PROGRESS")
                .queryParam("overdue", "true")
                .when()
                .get("/api/v1/rectificationOrders")
                .then()
                .statusCode(200)
                .body("items.id", contains("o1"))
                .body("nextPageToken", nullValue());
        ListRectificationOrdersRequest sent = Backend.received(ListRectificationOrdersRequest.class);
        assertEquals(2, sent.getPageSize());
        assertEquals("t", sent.getPageToken());
        assertEquals("u1", sent.getOwnerUnitId());
        assertEquals("n1", sent.getInspectionId());
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_IN_PROGRESS, sent.getStatus());
        assertTrue(sent.getOverdueOnly());
    }

    @Test
    void openOnlyAsksForTheOpenStatusesInOneCallAndWithStatusIsA400() {
        given().queryParam("openOnly", "true")
                .queryParam("ownerUnitId", "u1")
                .when()
                .get("/api/v1/rectificationOrders")
                .then()
                .statusCode(200);
        assertTrue(Backend.received(ListRectificationOrdersRequest.class).getOpenOnly());
        given().queryParam("ownerUnitId", "u1")
                .when()
                .get("/api/v1/rectificationOrders")
                .then()
                .statusCode(200);
        assertFalse(Backend.received(ListRectificationOrdersRequest.class).getOpenOnly(), "absent: every status");
        given().queryParam("openOnly", "maybe")
                .when()
                .get("/api/v1/rectificationOrders")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"));
        // With status beside it the service refuses; the problem names the REST parameter.
        Backend.fail(
                ListRectificationOrdersRequest.class,
                Statuses.invalid(
                        "open_only", "cannot be combined with status: open_only already means the open statuses"));
        given().queryParam("openOnly", "true")
                .queryParam("status", "OPEN")
                .when()
                .get("/api/v1/rectificationOrders")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"))
                .body("errors[0].message", containsString("cannot be combined with status"));
    }

    @Test
    void patchSendsTheOrderWithIdEtagAndAMaskOfTheNamedFields() {
        Backend.answer(UpdateRectificationOrderRequest.class, ORDER);
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"e1\"")
                .body("{\"dueTime\":\"2026-06-01T00:00:00Z\",\"ownerUnitId\":\"u2\"}")
                .when()
                .patch("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"");
        UpdateRectificationOrderRequest sent = Backend.received(UpdateRectificationOrderRequest.class);
        assertEquals("o1", sent.getOrder().getId());
        assertEquals("e1", sent.getOrder().getEtag());
        assertEquals(List.of("due_time", "owner_unit_id"), sent.getUpdateMask().getPathsList());
        assertEquals(at("2026-06-01T00:00:00Z"), sent.getOrder().getDueTime());
        assertEquals("u2", sent.getOrder().getOwnerUnitId());
        assertEquals("", sent.getOrder().getDescription());
    }

    @Test
    void patchRefusesWhatCannotChange() {
        given().contentType(ContentType.JSON)
                .body("{\"status\":\"DONE\"}")
                .when()
                .patch("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("ownerUnitId, description, dueTime"));
        given().contentType(ContentType.JSON)
                .body("{\"dueTime\":\"tomorrow\"}")
                .when()
                .patch("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dueTime"));
        given().contentType(ContentType.JSON)
                .body("{\"description\":null}")
                .when()
                .patch("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("description"));
        assertTrue(Backend.requests(UpdateRectificationOrderRequest.class).isEmpty());
    }

    @Test
    void everyVerbCallsItsRpc() {
        Backend.answer(
                StartRectificationOrderRequest.class,
                ORDER.toBuilder()
                        .setStatus(RectificationStatus.RECTIFICATION_STATUS_IN_PROGRESS)
                        .build());
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/rectificationOrders/o1:start")
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        assertEquals(
                "e1", Backend.received(StartRectificationOrderRequest.class).getEtag());
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e2\"")
                .contentType(ContentType.JSON)
                .body("{\"note\":\"replaced the printer\"}")
                .when()
                .post("/api/v1/rectificationOrders/o1:complete")
                .then()
                .statusCode(200);
        CompleteRectificationOrderRequest complete = Backend.received(CompleteRectificationOrderRequest.class);
        assertEquals("o1", complete.getId());
        assertEquals("e2", complete.getEtag());
        assertEquals("replaced the printer", complete.getNote());
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e3\"")
                .contentType(ContentType.JSON)
                .body("{\"note\":\"still broken\",\"effective\":false}")
                .when()
                .post("/api/v1/rectificationOrders/o1:verify")
                .then()
                .statusCode(200);
        VerifyRectificationOrderRequest verify = Backend.received(VerifyRectificationOrderRequest.class);
        assertEquals("e3", verify.getEtag());
        assertEquals("still broken", verify.getNote());
        assertFalse(verify.getEffective());
    }

    @Test
    void verifyNeedsEffectiveAndUnknownVerbsAre404() {
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"note\":\"again\"}")
                .when()
                .post("/api/v1/rectificationOrders/o1:verify")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("effective"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"note\":\"again\",\"effective\":\"yes\"}")
                .when()
                .post("/api/v1/rectificationOrders/o1:verify")
                .then()
                .statusCode(400)
                .body("errors.field", contains("effective"));
        assertTrue(Backend.requests(VerifyRectificationOrderRequest.class).isEmpty());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/rectificationOrders/o1:reopen")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void backendErrorsBecomeProblems() {
        Backend.fail(
                UpdateRectificationOrderRequest.class,
                Statuses.invalid("order.owner_unit_id", "is not a unit", "update_mask", "is empty"));
        given().contentType(ContentType.JSON)
                .body("{\"ownerUnitId\":\"nope\"}")
                .when()
                .patch("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(400)
                .body("errors.field", contains("ownerUnitId", "body"));
        Backend.fail(
                StartRectificationOrderRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "INVALID_TRANSITION", "not open"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/rectificationOrders/o1:start")
                .then()
                .statusCode(409)
                .body("reason", equalTo("INVALID_TRANSITION"));
        Backend.fail(
                CompleteRectificationOrderRequest.class, Statuses.status(Code.ABORTED, "ETAG_MISMATCH", "stale etag"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/rectificationOrders/o1:complete")
                .then()
                .statusCode(409)
                .body("reason", equalTo("ETAG_MISMATCH"));
        Backend.fail(GetRectificationOrderRequest.class, Statuses.status(Code.NOT_FOUND, "ORDER_NOT_FOUND", "no"));
        given().when()
                .get("/api/v1/rectificationOrders/o9")
                .then()
                .statusCode(404)
                .body("reason", equalTo("ORDER_NOT_FOUND"));
    }

    @Test
    void movesAndChangesPassTheActorAndReadsShowTheHistory() {
        Backend.answer(
                GetRectificationOrderRequest.class,
                ORDER.toBuilder()
                        .addHistory(RectificationMove.newBuilder()
                                .setTime(at("2026-04-01T00:00:00Z"))
                                .setActor("lead")
                                .setAction("ISSUE")
                                .setToStatus(RectificationStatus.RECTIFICATION_STATUS_OPEN)
                                .setNote("issued on finalizing inspection n1"))
                        .build());
        given().when()
                .get("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(200)
                .body("history[0].actor", equalTo("lead"))
                .body("history[0].action", equalTo("ISSUE"))
                .body("history[0].fromStatus", nullValue())
                .body("history[0].toStatus", equalTo("OPEN"));
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/rectificationOrders/o1:start")
                .then()
                .statusCode(200);
        assertEquals("", Backend.received(StartRectificationOrderRequest.class).getActor());
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"e1\"")
                .body("{\"description\":\"Fix the ticket machine and train the staff\"}")
                .when()
                .patch("/api/v1/rectificationOrders/o1")
                .then()
                .statusCode(200);
        UpdateRectificationOrderRequest sent = Backend.received(UpdateRectificationOrderRequest.class);
        assertEquals("", sent.getActor());
        assertEquals(List.of("description"), sent.getUpdateMask().getPathsList());
    }
}
