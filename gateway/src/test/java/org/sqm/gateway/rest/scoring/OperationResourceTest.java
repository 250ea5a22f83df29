package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.longrunning.CancelOperationRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.ListOperationsRequest;
import com.google.longrunning.ListOperationsResponse;
import com.google.longrunning.Operation;
import com.google.longrunning.WaitOperationRequest;
import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.scoring.v1.RecomputeScorecardsMetadata;
import org.sqm.proto.scoring.v1.RecomputeScorecardsResponse;
import org.sqm.proto.scoring.v1.UnscoredUnit;

@QuarkusTest
class OperationResourceTest extends FakeBackendTest {

    static final RecomputeScorecardsMetadata RUNNING = RecomputeScorecardsMetadata.newBuilder()
            .setPeriod("2026-03")
            .setStage("scoring 2026-03")
            .setUnitsTotal(200)
            .setUnitsDone(50)
            .setProgressPercent(25)
            .setStartTime(at("2026-04-01T01:00:00Z"))
            .build();

    static final Operation DONE = Operation.newBuilder()
            .setName("operations/op1")
            .setDone(true)
            .setMetadata(Any.pack(RUNNING.toBuilder()
                    .setStage("done")
                    .setUnitsDone(200)
                    .setProgressPercent(100)
                    .setEndTime(at("2026-04-01T01:00:12Z"))
                    .build()))
            .setResponse(Any.pack(RecomputeScorecardsResponse.newBuilder()
                    .setPeriod("2026-03")
                    .setScored(180)
                    .setInsufficientData(15)
                    .addUnscoredUnits(UnscoredUnit.newBuilder()
                            .setUnitId("u7")
                            .setUnitCode("VIP-07")
                            .setPeriod("2026-03")
                            .setReason("no published scoring model for UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM"))
                    .setUnscored(5)
                    .addModelIds("m1")
                    .addModelIds("m2")
                    .build()))
            .build();

    static final Operation CANCELLED = Operation.newBuilder()
            .setName("operations/op2")
            .setDone(true)
            .setMetadata(Any.pack(RUNNING.toBuilder()
                    .setCancelRequested(true)
                    .setEndTime(at("2026-04-01T01:00:05Z"))
                    .build()))
            .setError(com.google.rpc.Status.newBuilder()
                    .setCode(Code.CANCELLED.getNumber())
                    .setMessage("cancelled at 50 of 200 units; the previous scorecards stay")
                    .addDetails(Any.pack(ErrorInfo.newBuilder()
                            .setReason("RECOMPUTE_CANCELLED")
                            .setDomain("scoring.sqm.org")
                            .putMetadata("period", "2026-03")
                            .build()))
                    .addDetails(Any.pack(Empty.getDefaultInstance())))
            .build();

    @Test
    void aDoneOperationShowsItsResponseUnpacked() {
        Backend.answer(GetOperationRequest.class, DONE);
        given().when()
                .get("/api/v1/operations/op1")
                .then()
                .statusCode(200)
                .body("name", equalTo("operations/op1"))
                .body("done", equalTo(true))
                .body("metadata.stage", equalTo("done"))
                .body("metadata.unitsDone", equalTo(200))
                .body("metadata.progressPercent", equalTo(100))
                .body("metadata.endTime", equalTo("2026-04-01T01:00:12Z"))
                .body("response.period", equalTo("2026-03"))
                .body("response.scored", equalTo(180))
                .body("response.insufficientData", equalTo(15))
                .body("response.unscored", equalTo(5))
                .body("response.unscoredUnits[0].unitCode", equalTo("VIP-07"))
                .body(
                        "response.unscoredUnits[0].reason",
                        equalTo("no published scoring model for UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM"))
                .body("response.modelIds", contains("m1", "m2"))
                .body("error", nullValue());
        assertEquals(
                "operations/op1", Backend.received(GetOperationRequest.class).getName());
    }

    @Test
    void aFailedOrCancelledOperationShowsItsError() {
        Backend.answer(GetOperationRequest.class, CANCELLED);
        given().when()
                .get("/api/v1/operations/op2")
                .then()
                .statusCode(200)
                .body("done", equalTo(true))
                .body("metadata.cancelRequested", equalTo(true))
                .body("response", nullValue())
                .body("error.code", equalTo("CANCELLED"))
                .body("error.message", equalTo("cancelled at 50 of 200 units; the previous scorecards stay"))
                .body("error.reason", equalTo("RECOMPUTE_CANCELLED"))
                .body("error.details[0].'@type'", equalTo("type.googleapis.com/google.rpc.ErrorInfo"))
                .body("error.details[0].reason", equalTo("RECOMPUTE_CANCELLED"))
                .body("error.details[0].metadata.period", equalTo("2026-03"))
                // A detail of a type the gateway does not print shows its type only.
                .body("error.details[1].'@type'", equalTo("type.googleapis.com/google.protobuf.Empty"));

        Backend.fail(GetOperationRequest.class, Statuses.status(Code.NOT_FOUND, "OPERATION_NOT_FOUND", "none"));
        given().when()
                .get("/api/v1/operations/op9")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("OPERATION_NOT_FOUND"));
    }

    @Test
    void operationsAreListedByPeriodAndPaged() {
        Backend.answer(
                ListOperationsRequest.class,
                ListOperationsResponse.newBuilder()
                        .addOperations(DONE)
                        .addOperations(CANCELLED)
                        .setNextPageToken("t2")
                        .build());
        given().queryParam("period", "2026-03")
                .queryParam("pageSize", 2)
                .queryParam("pageToken", "t1")
                .when()
                .get("/api/v1/operations")
                .then()
                .statusCode(200)
                .body("items.name", contains("operations/op1", "operations/op2"))
                .body("items[1].error.code", equalTo("CANCELLED"))
                .body("nextPageToken", equalTo("t2"));
        ListOperationsRequest sent = Backend.received(ListOperationsRequest.class);
        assertEquals("operations", sent.getName());
        assertEquals("period=\"2026-03\"", sent.getFilter());
        assertEquals(2, sent.getPageSize());
        assertEquals("t1", sent.getPageToken());

        given().when().get("/api/v1/operations").then().statusCode(200);
        assertEquals("", Backend.received(ListOperationsRequest.class).getFilter());

        for (String[] bad : new String[][] {{"period", "2026-03\" OR done=true"}, {"pageSize", "-1"}}) {
            given().queryParam(bad[0], bad[1])
                    .when()
                    .get("/api/v1/operations")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad[0]));
        }
        assertEquals(2, Backend.requests(ListOperationsRequest.class).size());
    }

    @Test
    void cancelAsksAndAnswersTheOperationAsItIsThen() {
        Backend.answer(CancelOperationRequest.class, Empty.getDefaultInstance());
        Backend.answer(
                GetOperationRequest.class,
                Operation.newBuilder()
                        .setName("operations/op3")
                        .setMetadata(Any.pack(
                                RUNNING.toBuilder().setCancelRequested(true).build()))
                        .build());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/operations/op3:cancel")
                .then()
                .statusCode(200)
                .body("done", equalTo(false))
                .body("metadata.cancelRequested", equalTo(true));
        assertEquals(
                "operations/op3", Backend.received(CancelOperationRequest.class).getName());
        assertEquals(
                "operations/op3", Backend.received(GetOperationRequest.class).getName());

        Backend.fail(
                CancelOperationRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "OPERATION_DONE", "op1 is done"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/operations/op1:cancel")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("OPERATION_DONE"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/operations/op1:delete")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void waitHoldsLongerThanTheUsualDeadlineAndAnswersTheOperation() {
        // The test profile's deadline is 1 s; the wait's own is its timeout plus that.
        Backend.answerAfter(WaitOperationRequest.class, Duration.ofMillis(1500), DONE);
        given().urlEncodingEnabled(false)
                .queryParam("timeout", "2s")
                .when()
                .post("/api/v1/operations/op1:wait")
                .then()
                .statusCode(200)
                .body("done", equalTo(true))
                .body("response.scored", equalTo(180));
        WaitOperationRequest sent = Backend.received(WaitOperationRequest.class);
        assertEquals("operations/op1", sent.getName());
        assertEquals(2, sent.getTimeout().getSeconds());

        Backend.answer(WaitOperationRequest.class, DONE);
        given().urlEncodingEnabled(false)
                .queryParam("timeout", "0.25")
                .when()
                .post("/api/v1/operations/op1:wait")
                .then()
                .statusCode(200);
        assertEquals(
                250_000_000,
                Backend.received(WaitOperationRequest.class).getTimeout().getNanos());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/operations/op1:wait")
                .then()
                .statusCode(200);
        assertEquals(
                10, Backend.received(WaitOperationRequest.class).getTimeout().getSeconds(), "default 10 s");

        for (String bad : new String[] {"forever", "61", "-1s", "PT10S"}) {
            given().urlEncodingEnabled(false)
                    .queryParam("timeout", bad)
                    .when()
                    .post("/api/v1/operations/op1:wait")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("timeout"));
        }
        assertEquals(3, Backend.requests(WaitOperationRequest.class).size());

        Backend.fail(WaitOperationRequest.class, Statuses.status(Code.NOT_FOUND, "OPERATION_NOT_FOUND", "none"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/operations/op9:wait")
                .then()
                .statusCode(404);
        assertTrue(Backend.requests(WaitOperationRequest.class).size() > 3);
    }
}
