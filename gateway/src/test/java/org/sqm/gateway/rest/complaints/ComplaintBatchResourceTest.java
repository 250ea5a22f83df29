package org.sqm.gateway.rest.complaints;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.complaint.v1.BatchCreateComplaintResult;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsRequest;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsResponse;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;

@QuarkusTest
class ComplaintBatchResourceTest extends FakeBackendTest {

    private static String complaint(String description, String receiveTime) {
        return "{\"unitId\":\"u1\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"LOW\","
                + "\"description\":\"" + description + "\",\"complainant\":{\"name\":\"Ann\",\"email\":\"a@b.c\"}"
                + (receiveTime == null ? "" : ",\"receiveTime\":\"" + receiveTime + "\"") + "}";
    }

    private static String item(String requestId, String complaint) {
        return "{" + (requestId == null ? "" : "\"requestId\":\"" + requestId + "\",") + "\"complaint\":" + complaint
                + "}";
    }

    private static String body(String... items) {
        return "{\"requests\":[" + String.join(",", items) + "]}";
    }

    private static com.google.rpc.Status itemError(Code code, String reason, String message, BadRequest bad) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain("fake.sqm.org")
                        .build()));
        if (bad != null) {
            status.addDetails(Any.pack(bad));
        }
        return status.build();
    }

    @Test
    void eachItemIsAnsweredInItsPlaceWithItsComplaintOrItsProblem() {
        Backend.answer(
                BatchCreateComplaintsRequest.class,
                BatchCreateComplaintsResponse.newBuilder()
                        .addResults(
                                BatchCreateComplaintResult.newBuilder().setComplaint(ComplaintResourceTest.COMPLAINT))
                        .addResults(BatchCreateComplaintResult.newBuilder()
                                .setError(itemError(
                                        Code.INVALID_ARGUMENT,
                                        "INVALID_FIELDS",
                                        "requests[1].complaint.description: is required",
                                        BadRequest.newBuilder()
                                                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                                        .setField("requests[1].complaint.description")
                                                        .setDescription("is required"))
                                                .build())))
                        .addResults(BatchCreateComplaintResult.newBuilder()
                                .setError(itemError(
                                        Code.ALREADY_EXISTS, "REQUEST_ID_REUSED", "request id k3 was used", null)))
                        .addResults(BatchCreateComplaintResult.newBuilder()
                                .setError(itemError(
                                        Code.UNAVAILABLE,
                                        "DEPENDENCY_UNAVAILABLE",
                                        "standards-service did not answer at 10.0.0.7",
                                        null)))
                        .build());

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(body(
                        item("k0", complaint("Charged twice", "2026-03-06T16:00:00Z")),
                        item("k1", complaint("Charged twice again", "yesterday")),
                        item("k2", complaint("", null)),
                        item("k3", complaint("Charged three times", null)),
                        item(null, complaint("Charged four times", null))))
                .when()
                .post("/api/v1/complaints:batchCreate")
                .then()
                .statusCode(200)
                .body("results", hasSize(5))
                .body("results[0].complaint.reference", equalTo("C-2026-000042"))
                .body("results[0].error", nullValue())
                .body("results[1].complaint", nullValue())
                .body("results[1].error.status", equalTo(400))
                .body("results[1].error.errors[0].field", equalTo("requests[1].complaint.receiveTime"))
                // The service numbered the four items it got; the body's numbering is what the caller sees.
                .body("results[2].error.status", equalTo(400))
                .body("results[2].error.reason", equalTo("INVALID_FIELDS"))
                .body("results[2].error.errors[0].field", equalTo("requests[2].complaint.description"))
                .body("results[3].error.status", equalTo(409))
                .body("results[3].error.reason", equalTo("REQUEST_ID_REUSED"))
                .body("results[4].error.status", equalTo(503))
                .body("results[4].error.detail", not(containsString("10.0.0.7")));

        BatchCreateComplaintsRequest sent = Backend.received(BatchCreateComplaintsRequest.class);
        assertEquals(4, sent.getRequestsCount(), "the item the gateway refused does not travel");
        assertEquals(
                List.of("k0", "k2", "k3", ""),
                sent.getRequestsList().stream()
                        .map(CreateComplaintRequest::getRequestId)
                        .toList());
        assertEquals(
                ComplaintChannel.COMPLAINT_CHANNEL_PHONE,
                sent.getRequests(0).getComplaint().getChannel());
        assertEquals(
                at("2026-03-06T16:00:00Z"), sent.getRequests(0).getComplaint().getReceiveTime());
        assertTrue(sent.getRequestsList().stream().allMatch(r -> r.getActor().isEmpty()), "the token names the actor");
    }

    @Test
    void aRetryAndARepeatedRequestIdTravelAsTheyCame() {
        Backend.answer(
                BatchCreateComplaintsRequest.class,
                BatchCreateComplaintsResponse.newBuilder()
                        .addResults(
                                BatchCreateComplaintResult.newBuilder().setComplaint(ComplaintResourceTest.COMPLAINT))
                        .addResults(
                                BatchCreateComplaintResult.newBuilder().setComplaint(ComplaintResourceTest.COMPLAINT))
                        .build());
        String twice =
                body(item("same", complaint("Charged twice", null)), item("same", complaint("Charged twice", null)));
        for (int attempt = 0; attempt < 2; attempt++) {
            given().urlEncodingEnabled(false)
                    .contentType(ContentType.JSON)
                    .body(twice)
                    .when()
                    .post("/api/v1/complaints:batchCreate")
                    .then()
                    .statusCode(200)
                    .body("results[0].complaint.id", equalTo("c1"))
                    .body("results[1].complaint.id", equalTo("c1"));
        }
        List<BatchCreateComplaintsRequest> sent = Backend.requests(BatchCreateComplaintsRequest.class);
        assertEquals(2, sent.size());
        assertEquals(sent.get(0), sent.get(1), "a retry sends the same request ids: the service records nothing twice");
        assertEquals(
                List.of("same", "same"),
                sent.get(0).getRequestsList().stream()
                        .map(CreateComplaintRequest::getRequestId)
                        .toList());
    }

    @Test
    void noItemsOrMoreThanAThousandIsRefusedWholeAndReachesNoBackend() {
        String over = body(IntStream.range(0, 1001)
                .mapToObj(i -> item("k" + i, complaint("Complaint " + i, null)))
                .collect(Collectors.toList())
                .toArray(String[]::new));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(over)
                .when()
                .post("/api/v1/complaints:batchCreate")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("reason", equalTo("INVALID_FIELDS"))
                .body("errors[0].field", equalTo("requests"))
                .body("errors[0].message", containsString("1001"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"requests\":[]}")
                .when()
                .post("/api/v1/complaints:batchCreate")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("requests"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(body(item("k", complaint("Charged", null).replace("PHONE", "PIGEON"))))
                .when()
                .post("/api/v1/complaints:batchCreate")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        assertTrue(Backend.requests(BatchCreateComplaintsRequest.class).isEmpty());

        // The service's own refusal of the whole call is a problem too.
        Backend.fail(BatchCreateComplaintsRequest.class, Statuses.invalid("requests", "holds at most 1000 complaints"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(body(item("k", complaint("Charged", null))))
                .when()
                .post("/api/v1/complaints:batchCreate")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("requests"));
    }
}
