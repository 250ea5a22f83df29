package org.sqm.gateway.rest.complaints;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.AcknowledgeComplaintRequest;
import org.sqm.proto.complaint.v1.CloseComplaintRequest;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintCategory;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintEvent;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.ComplaintView;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;
import org.sqm.proto.complaint.v1.EscalateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintCategoriesRequest;
import org.sqm.proto.complaint.v1.ListComplaintCategoriesResponse;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.proto.complaint.v1.RecordCallBackRequest;
import org.sqm.proto.complaint.v1.RecordSatisfactionRequest;
import org.sqm.proto.complaint.v1.ReopenComplaintRequest;
import org.sqm.proto.complaint.v1.ResolveComplaintRequest;
import org.sqm.proto.complaint.v1.ResumeComplaintRequest;
import org.sqm.proto.complaint.v1.StartComplaintInvestigationRequest;
import org.sqm.proto.complaint.v1.WaitOnCustomerRequest;
import org.sqm.proto.complaint.v1.WithdrawComplaintRequest;

@QuarkusTest
class ComplaintResourceTest extends FakeBackendTest {

    static final Complaint COMPLAINT = Complaint.newBuilder()
            .setId("c1")
            .setReference("C-2026-000042")
            .setUnitId("u1")
            .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_WEB_FORM)
            .setCategory("BILLING")
            .setSeverity(Severity.SEVERITY_HIGH)
            .setDescription("Charged twice")
            .setComplainant(Complainant.newBuilder().setName("Ann").setPhone("+86 10 1234"))
            .setStatus(ComplaintStatus.COMPLAINT_STATUS_ACKNOWLEDGED)
            .setEtag("e1")
            .addDeadlines(Deadline.newBuilder()
                    .setKind(DeadlineKind.DEADLINE_KIND_RESOLVE)
                    .setAllowed(span("PT40H"))
                    .setDueTime(at("2026-03-13T16:00:00Z"))
                    .setUsed(span("PT2H30M")))
            .addDeadlines(Deadline.newBuilder()
                    .setKind(DeadlineKind.DEADLINE_KIND_ACKNOWLEDGE)
                    .setAllowed(span("PT8H"))
                    .setDueTime(at("2026-03-07T16:00:00Z"))
                    .setMetTime(at("2026-03-06T17:00:00Z")))
            .addHistory(ComplaintEvent.newBuilder()
                    .setTime(at("2026-03-06T17:00:00Z"))
                    .setActor("agent-7")
                    .setAction("ACKNOWLEDGE")
                    .setFromStatus(ComplaintStatus.COMPLAINT_STATUS_RECEIVED)
                    .setToStatus(ComplaintStatus.COMPLAINT_STATUS_ACKNOWLEDGED))
            .setEscalationLevel(1)
            .setEscalatedToUnitId("u0")
            .setDeadlineSource("SQM-HALL v2")
            .setReceiveTime(at("2026-03-06T16:00:00Z"))
            .setCreateTime(at("2026-03-06T16:00:01Z"))
            .setResolutionBusinessTime(span("PT12H"))
            .build();

    @Test
    void readShowsDeadlinesHistoryAndTheComplainantOnlyWhenAsked() {
        Backend.answer(GetComplaintRequest.class, COMPLAINT);
        given().queryParam("view", "full")
                .when()
                .get("/api/v1/complaints/c1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("channel", equalTo("WEB_FORM"))
                .body("severity", equalTo("HIGH"))
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("complainant.name", equalTo("Ann"))
                .body("complainant.email", nullValue())
                .body("deadlines[0].kind", equalTo("RESOLVE"))
                .body("deadlines[0].allowed", equalTo("PT40H"))
                .body("deadlines[0].used", equalTo("PT2H30M"))
                .body("deadlines[0].metTime", nullValue())
                .body("deadlines[1].metTime", equalTo("2026-03-06T17:00:00Z"))
                .body("history[0].fromStatus", equalTo("RECEIVED"))
                .body("history[0].actor", equalTo("agent-7"))
                .body("escalatedToUnitId", equalTo("u0"))
                .body("satisfaction", nullValue())
                .body("resolveTime", nullValue())
                .body("receiveTime", equalTo("2026-03-06T16:00:00Z"))
                .body("resolutionBusinessTime", equalTo("PT12H"));
        GetComplaintRequest sent = Backend.received(GetComplaintRequest.class);
        assertEquals("c1", sent.getId());
        assertEquals(ComplaintView.COMPLAINT_VIEW_FULL, sent.getView());
        given().when().get("/api/v1/complaints/c1").then().statusCode(200);
        assertEquals(
                ComplaintView.COMPLAINT_VIEW_BASIC,
                Backend.received(GetComplaintRequest.class).getView());
        given().queryParam("view", "everything")
                .when()
                .get("/api/v1/complaints/c1")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("view"));
    }

    @Test
    void createPassesKeyActorAndBody() {
        Backend.answer(CreateComplaintRequest.class, COMPLAINT);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .header("X-Actor", "agent-7")
                .body("{\"unitId\":\"u1\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"LOW\","
                        + "\"description\":\"Charged twice\",\"complainant\":{\"name\":\"Ann\",\"email\":\"a@b.c\"},"
                        + "\"receiveTime\":\"2026-03-06T16:00:00Z\"}")
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/complaints/c1"))
                .header("ETag", "\"e1\"")
                .body("reference", equalTo("C-2026-000042"));
        CreateComplaintRequest sent = Backend.received(CreateComplaintRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals("", sent.getActor(), "a person is the subject of the token: X-Actor is not read");
        assertEquals(
                ComplaintChannel.COMPLAINT_CHANNEL_PHONE, sent.getComplaint().getChannel());
        assertEquals(Severity.SEVERITY_LOW, sent.getComplaint().getSeverity());
        assertEquals("a@b.c", sent.getComplaint().getComplainant().getEmail());
        assertEquals(at("2026-03-06T16:00:00Z"), sent.getComplaint().getReceiveTime());
    }

    @Test
    void theCustomerSegmentGoesInAndComesOutWithFirstContactResolution() {
        Backend.answer(
                CreateComplaintRequest.class,
                COMPLAINT.toBuilder()
                        .setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)
                        .setResolvedAtFirstContact(true)
                        .build());
        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u1\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"LOW\","
                        + "\"description\":\"Charged twice\",\"complainant\":{\"name\":\"Ann\",\"email\":\"a@b.c\"},"
                        + "\"customerSegment\":\"VIP\"}")
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .body("customerSegment", equalTo("VIP"))
                .body("resolvedAtFirstContact", equalTo(true));
        assertEquals(
                CustomerSegment.CUSTOMER_SEGMENT_VIP,
                Backend.received(CreateComplaintRequest.class).getComplaint().getCustomerSegment());

        Backend.answer(GetComplaintRequest.class, COMPLAINT);
        given().when()
                .get("/api/v1/complaints/c1")
                .then()
                .statusCode(200)
                .body("customerSegment", nullValue())
                .body("resolvedAtFirstContact", equalTo(false));

        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u1\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"LOW\","
                        + "\"description\":\"Charged twice\",\"complainant\":{\"name\":\"Ann\",\"email\":\"a@b.c\"},"
                        + "\"customerSegment\":\"GOLD\"}")
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("customerSegment"));
        assertEquals(1, Backend.requests(CreateComplaintRequest.class).size(), "a refused body reaches no backend");
    }

    @Test
    void resolvePassesFirstContactResolutionAndItsRefusalIsAConflict() {
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"rootCause\":\"BILLING_ERROR\",\"remedy\":\"Refunded\",\"resolvedAtFirstContact\":true}")
                .when()
                .post("/api/v1/complaints/c1:resolve")
                .then()
                .statusCode(200);
        assertTrue(Backend.received(ResolveComplaintRequest.class).getResolvedAtFirstContact());

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"rootCause\":\"BILLING_ERROR\",\"remedy\":\"Refunded\",\"resolvedAtFirstContact\":\"yes\"}")
                .when()
                .post("/api/v1/complaints/c1:resolve")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("resolvedAtFirstContact"));

        Backend.fail(
                ResolveComplaintRequest.class,
                Statuses.status(
                        Code.FAILED_PRECONDITION,
                        "NOT_FIRST_CONTACT",
                        "the complaint cannot be resolved at first contact: it was reopened"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"rootCause\":\"BILLING_ERROR\",\"remedy\":\"Refunded\",\"resolvedAtFirstContact\":true}")
                .when()
                .post("/api/v1/complaints/c1:resolve")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("NOT_FIRST_CONTACT"));
    }

    @Test
    void listPassesEveryFilter() {
        Backend.answer(
                ListComplaintsRequest.class,
                ListComplaintsResponse.newBuilder()
                        .addComplaints(COMPLAINT.toBuilder().clearHistory().clearComplainant())
                        .setNextPageToken("p2")
                        .build());
        given().queryParam("pageSize", 20)
                .queryParam("pageToken", "p1")
                .queryParam("unitId", "u1")
                .queryParam("includeDescendants", "true")
                .queryParam("status", "WAITING_ON_CUSTOMER")
                .queryParam("overdue", "true")
                .queryParam("category", "BILLING")
                .queryParam("channel", "EMAIL")
                .queryParam("receivedAfter", "2026-01-01T00:00:00Z")
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo("c1"))
                .body("items[0].history", nullValue())
                .body("items[0].complainant", nullValue())
                .body("nextPageToken", equalTo("p2"));
        ListComplaintsRequest sent = Backend.received(ListComplaintsRequest.class);
        assertEquals(20, sent.getPageSize());
        assertEquals("p1", sent.getPageToken());
        assertEquals("u1", sent.getUnitId());
        assertTrue(sent.getIncludeDescendants());
        assertEquals(ComplaintStatus.COMPLAINT_STATUS_WAITING_ON_CUSTOMER, sent.getStatus());
        assertTrue(sent.getOverdueOnly());
        assertEquals("BILLING", sent.getCategory());
        assertEquals(ComplaintChannel.COMPLAINT_CHANNEL_EMAIL, sent.getChannel());
        assertEquals(at("2026-01-01T00:00:00Z"), sent.getReceivedAfter());
        assertFalse(sent.hasReceivedBefore());
        given().queryParam("channel", "FAX")
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        given().queryParam("receivedBefore", "last week")
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedBefore"));
    }

    @Test
    void openOnlyAsksForTheOpenStatusesInOneCallAndWithStatusIsA400() {
        given().queryParam("openOnly", "true")
                .queryParam("unitId", "u1")
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(200);
        assertTrue(Backend.received(ListComplaintsRequest.class).getOpenOnly());
        given().queryParam("unitId", "u1")
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(200);
        assertFalse(Backend.received(ListComplaintsRequest.class).getOpenOnly(), "absent: every status");
        given().queryParam("openOnly", "maybe")
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"));
        // With status beside it the service refuses; the problem names the REST parameter.
        Backend.fail(
                ListComplaintsRequest.class,
                Statuses.invalid(
                        "open_only", "cannot be combined with status: open_only already means the open statuses"));
        given().queryParam("openOnly", "true")
                .queryParam("status", "RECEIVED")
                .when()
                .get("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("openOnly"))
                .body("errors[0].message", containsString("cannot be combined with status"));
    }

    static Stream<Arguments> verbs() {
        return Stream.of(
                arguments("acknowledge", AcknowledgeComplaintRequest.class),
                arguments("startInvestigation", StartComplaintInvestigationRequest.class),
                arguments("waitOnCustomer", WaitOnCustomerRequest.class),
                arguments("resume", ResumeComplaintRequest.class),
                arguments("resolve", ResolveComplaintRequest.class),
                arguments("close", CloseComplaintRequest.class),
                arguments("reopen", ReopenComplaintRequest.class),
                arguments("withdraw", WithdrawComplaintRequest.class),
                arguments("escalate", EscalateComplaintRequest.class),
                arguments("recordSatisfaction", RecordSatisfactionRequest.class),
                arguments("recordCallBack", RecordCallBackRequest.class));
    }

    @ParameterizedTest
    @MethodSource("verbs")
    void everyVerbCallsItsRpcWithIdEtagAndActor(String verb, Class<? extends Message> request) {
        Backend.answer(request, COMPLAINT);
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .header("X-Actor", "agent-7")
                .contentType(ContentType.JSON)
                .body("{\"note\":\"n\",\"score\":4,\"outcome\":\"called\"}")
                .when()
                .post("/api/v1/complaints/c1:" + verb)
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("id", equalTo("c1"));
        Message sent = Backend.received(request);
        assertEquals("c1", field(sent, "id"));
        assertEquals("e1", field(sent, "etag"));
        assertEquals("", field(sent, "actor"), "a person is the subject of the token: X-Actor is not read");
    }

    @Test
    void theBodyFillsTheFieldsOfEachVerb() {
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"note\":\"found it\",\"rootCause\":\"DUPLICATE_DEBIT\",\"remedy\":\"Refunded\"}")
                .when()
                .post("/api/v1/complaints/c1:resolve")
                .then()
                .statusCode(200);
        ResolveComplaintRequest resolve = Backend.received(ResolveComplaintRequest.class);
        assertEquals("found it", resolve.getNote());
        assertEquals("DUPLICATE_DEBIT", resolve.getRootCause());
        assertEquals("Refunded", resolve.getRemedy());
        assertEquals("", resolve.getActor());

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"score\":2,\"note\":\"slow\"}")
                .when()
                .post("/api/v1/complaints/c1:recordSatisfaction")
                .then()
                .statusCode(200);
        RecordSatisfactionRequest satisfaction = Backend.received(RecordSatisfactionRequest.class);
        assertEquals(2, satisfaction.getScore());
        assertEquals("slow", satisfaction.getNote());

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"outcome\":\"apologised\"}")
                .when()
                .post("/api/v1/complaints/c1:recordCallBack")
                .then()
                .statusCode(200);
        assertEquals("apologised", Backend.received(RecordCallBackRequest.class).getOutcome());

        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/complaints/c1:escalate")
                .then()
                .statusCode(200);
        assertEquals("", Backend.received(EscalateComplaintRequest.class).getNote());
    }

    @Test
    void badChangeBodiesAre400AndUnknownVerbs404() {
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"note\":\"no score\"}")
                .when()
                .post("/api/v1/complaints/c1:recordSatisfaction")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("score"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"score\":4.5}")
                .when()
                .post("/api/v1/complaints/c1:recordSatisfaction")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("score"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"note\":")
                .when()
                .post("/api/v1/complaints/c1:acknowledge")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertTrue(Backend.requests(RecordSatisfactionRequest.class).isEmpty());
        assertTrue(Backend.requests(AcknowledgeComplaintRequest.class).isEmpty());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/complaints/c1:transition")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("NOT_FOUND"));
    }

    @Test
    void categoriesAreListed() {
        Backend.answer(
                ListComplaintCategoriesRequest.class,
                ListComplaintCategoriesResponse.newBuilder()
                        .addCategories(ComplaintCategory.newBuilder()
                                .setCode("BILLING")
                                .setName("Billing"))
                        .build());
        given().when()
                .get("/api/v1/complaint-categories")
                .then()
                .statusCode(200)
                .body("code", contains("BILLING"))
                .body("name", contains("Billing"));
    }

    @Test
    void backendErrorsBecomeProblems() {
        Backend.fail(
                CreateComplaintRequest.class,
                Statuses.invalid("complaint.description", "is required", "complaint.complainant", "is required"));
        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u1\"}")
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("description", "complainant"));
        Backend.fail(ResolveComplaintRequest.class, Statuses.invalid("root_cause", "is required"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post("/api/v1/complaints/c1:resolve")
                .then()
                .statusCode(400)
                .body("errors.field", contains("rootCause"));
        Backend.fail(
                CloseComplaintRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "TRANSITION_NOT_ALLOWED", "a call-back is open"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/complaints/c1:close")
                .then()
                .statusCode(409)
                .body("reason", equalTo("TRANSITION_NOT_ALLOWED"));
        Backend.fail(
                CreateComplaintRequest.class,
                Statuses.status(Code.ALREADY_EXISTS, "REQUEST_ID_REUSED", "the key was used for another complaint"));
        given().contentType(ContentType.JSON)
                .body("{\"unitId\":\"u1\"}")
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(409)
                .body("reason", equalTo("REQUEST_ID_REUSED"));
        Backend.fail(GetComplaintRequest.class, Status.NOT_FOUND.asRuntimeException());
        given().when().get("/api/v1/complaints/c9").then().statusCode(404).body("reason", equalTo("NOT_FOUND"));
        Backend.fail(
                EscalateComplaintRequest.class,
                Status.DEADLINE_EXCEEDED.withDescription("slow").asRuntimeException());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/complaints/c1:escalate")
                .then()
                .statusCode(504)
                .contentType(PROBLEM);
    }
}
