package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.AuditServiceGrpc;
import org.sqm.proto.common.v1.ListAuditEventsRequest;

/**
 * The audit trail of one complaint and one inspection, made through the gateway by one person (a
 * quality manager with a subject of the test's choosing) with a request id per call: each change is
 * read back per resource, over REST and gRPC, with that person as actor, the request ids sent, the
 * action and the fields it changed; the complainant's contact details only as redacted; a viewer may
 * not read it.
 */
@ExtendWith(SuiteExtension.class)
class AuditTrailIT {

    private static final String PROBLEM = "application/problem+json";

    /** This test's calls (a new instance per test), request id to the RPC's method name the action names. */
    private final Map<String, String> sent = new LinkedHashMap<>();

    private String subject;
    private String bearer;

    private RequestSpecification as(String method) {
        String requestId = "audit-" + method + "-" + UUID.randomUUID();
        sent.put(requestId, method);
        return given().header("Authorization", bearer).header("X-Request-Id", requestId);
    }

    private void person() {
        subject = Fixtures.unique("auditor") + "@sqm.dev";
        bearer = Tokens.bearerAs(subject, "quality-manager");
    }

    @Test
    void everyChangeOfAComplaintIsInItsTrailWithTheActorRequestIdActionAndFields() {
        person();
        String hall = Fixtures.complaintUnit();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "audit." + tag + "@example.org";
        Response created = as("CreateComplaint")
                .contentType(ContentType.JSON)
                .body("{\"unitId\":\"" + hall
                        + "\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"MEDIUM\","
                        + "\"description\":\"Charged twice\",\"complainant\":{\"name\":\"Audit " + tag + "\","
                        + "\"email\":\"" + email + "\"}}")
                .when()
                .post("/api/v1/complaints");
        created.then().statusCode(201);
        String id = created.path("id");
        String etag = created.header("ETag");
        etag = complaintMove(id, etag, "acknowledge", "AcknowledgeComplaint", null);
        etag = complaintMove(id, etag, "startInvestigation", "StartComplaintInvestigation", null);
        complaintMove(
                id,
                etag,
                "resolve",
                "ResolveComplaint",
                "{\"rootCause\":\"DUPLICATE_DEBIT\",\"remedy\":\"Refunded the second charge\"}");

        String resource = "complaints/" + id;
        String trail = trail(resource);
        JsonPath events = JsonPath.from(trail);
        assertTrail(resource, events, "status");
        assertFalse(trail.contains(email), "the trail shows the complainant's e-mail:\n" + trail);
        assertTrue(
                events.<Boolean>getList("items.changes.flatten().redacted").contains(true),
                "no change is marked redacted (the complainant's contact):\n" + trail);

        // gRPC gives the same trail to a quality manager, and nothing to a viewer.
        ManagedChannel channel = ManagedChannelBuilder.forAddress(
                        "localhost", SuiteExtension.suite().grpcPort(Component.COMPLAINT))
                .usePlaintext()
                .build();
        try {
            List<AuditEvent> grpc = AuditServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(Tokens.grpc(Tokens.bearer("quality-manager")))
                    .withDeadlineAfter(15, TimeUnit.SECONDS)
                    .listAuditEvents(ListAuditEventsRequest.newBuilder()
                            .setResource(resource)
                            .setPageSize(100)
                            .build())
                    .getEventsList();
            assertEquals(events.getList("items").size(), grpc.size(), "events over gRPC: " + grpc);
            assertTrue(grpc.stream().allMatch(e -> subject.equals(e.getActor())), grpc.toString());
            assertFalse(grpc.toString().contains(email), grpc.toString());
            try {
                AuditServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(Tokens.grpc(Tokens.bearer("viewer", hall)))
                        .withDeadlineAfter(15, TimeUnit.SECONDS)
                        .listAuditEvents(ListAuditEventsRequest.newBuilder()
                                .setResource(resource)
                                .build());
                throw new AssertionError("a viewer read the audit trail over gRPC");
            } catch (StatusRuntimeException e) {
                assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
            }
        } finally {
            channel.shutdownNow();
        }
        for (String role : List.of("viewer", "unit-manager", "complaint-handler")) {
            given().header("Authorization", Tokens.bearer(role, hall))
                    .queryParam("resource", resource)
                    .when()
                    .get("/api/v1/auditEvents")
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM);
        }
    }

    private String complaintMove(String id, String etag, String verb, String method, String body) {
        RequestSpecification request = as(method).urlEncodingEnabled(false).header("If-Match", etag);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        Response moved = request.when().post("/api/v1/complaints/" + id + ":" + verb);
        moved.then().statusCode(200);
        return moved.header("ETag");
    }

    @Test
    void everyChangeOfAnInspectionIsInItsTrailWithTheActorRequestIdActionAndFields() {
        person();
        String standard = Fixtures.publishedCopy("customer-service-excellence.json", "CSE", "AUD-CSE");
        String hall = Fixtures.unit("SERVICE_HALL", null);
        List<String> inspectors = List.of(
                Fixtures.inspector("Auditor", "PROVINCIAL", "ON_SITE_ASSESSMENT"),
                Fixtures.inspector("Auditor", "PROVINCIAL", "ON_SITE_ASSESSMENT"));
        Instant now = Instant.now();
        Response created = as("CreateInspection")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "unitId",
                        hall,
                        "kind",
                        "ON_SITE_ASSESSMENT",
                        "authorityLevel",
                        "PROVINCIAL",
                        "standardCode",
                        standard,
                        "windowStart",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        now.plus(30, ChronoUnit.DAYS).toString()))
                .when()
                .post("/api/v1/inspections");
        created.then().statusCode(201);
        String id = created.path("id");
        as("AssignInspectors")
                .contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("inspectorIds", inspectors))
                .when()
                .put("/api/v1/inspections/" + id + "/inspectors")
                .then()
                .statusCode(200);
        inspectionMove(id, "start", "StartInspection");
        List<String> elements = given().header("Authorization", bearer)
                .when()
                .get("/api/v1/inspections/" + id)
                .path("elements.code");
        List<Map<String, Object>> ratings = new ArrayList<>();
        for (String element : elements) {
            ratings.add(Map.of("elementCode", element, "levelCode", "COMPLIANT"));
        }
        as("RateElements")
                .contentType(ContentType.JSON)
                .body(Map.of("ratings", ratings))
                .when()
                .post("/api/v1/inspections/" + id + "/ratings")
                .then()
                .statusCode(200);
        inspectionMove(id, "submit", "SubmitInspection");
        inspectionMove(id, "finalize", "FinalizeInspection");

        String resource = "inspections/" + id;
        assertTrail(resource, JsonPath.from(trail(resource)), "status");
        given().header("Authorization", Tokens.bearer("viewer", hall))
                .queryParam("resource", resource)
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    private void inspectionMove(String id, String verb, String method) {
        String etag = given().header("Authorization", bearer)
                .when()
                .get("/api/v1/inspections/" + id)
                .header("ETag");
        as(method)
                .urlEncodingEnabled(false)
                .header("If-Match", etag)
                .when()
                .post("/api/v1/inspections/" + id + ":" + verb)
                .then()
                .statusCode(200);
    }

    /** The resource's audit trail as an administrator reads it (first page, large enough for all). */
    private static String trail(String resource) {
        return given().queryParam("resource", resource)
                .queryParam("pageSize", 500)
                .when()
                .get("/api/v1/auditEvents")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /**
     * Every event of the resource is by the person, carries one of the request ids sent, and the
     * event(s) of each call name its RPC; each call left at least one event, and some event of a
     * move changed {@code statusField}.
     */
    private void assertTrail(String resource, JsonPath events, String statusField) {
        List<Map<String, Object>> items = events.getList("items");
        assertFalse(items.isEmpty(), "no audit events for " + resource);
        Map<String, Integer> perRequest = new LinkedHashMap<>();
        boolean statusChanged = false;
        for (Map<String, Object> event : items) {
            String description = resource + " event " + event;
            assertEquals(subject, event.get("actor"), description);
            String requestId = (String) event.get("requestId");
            assertTrue(sent.containsKey(requestId), description + ": a request id not sent " + sent.keySet());
            String action = String.valueOf(event.get("action"));
            assertTrue(
                    action.endsWith("/" + sent.get(requestId))
                            || action.endsWith("." + sent.get(requestId))
                            || action.equals(sent.get(requestId)),
                    description + ": action should be " + sent.get(requestId));
            perRequest.merge(requestId, 1, Integer::sum);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> changes = (List<Map<String, Object>>) event.get("changes");
            if (!"CreateComplaint".equals(sent.get(requestId))
                    && !"CreateInspection".equals(sent.get(requestId))
                    && changes != null) {
                for (Map<String, Object> change : changes) {
                    if (statusField.equals(String.valueOf(change.get("field")).toLowerCase(Locale.ROOT))
                            && change.get("after") != null
                            && !change.get("after").equals(change.get("before"))) {
                        statusChanged = true;
                    }
                }
            }
        }
        for (String requestId : sent.keySet()) {
            assertTrue(perRequest.containsKey(requestId), resource + ": no event of " + requestId + " in " + items);
        }
        assertTrue(statusChanged, resource + ": no event changed " + statusField + ": " + items);
    }
}
