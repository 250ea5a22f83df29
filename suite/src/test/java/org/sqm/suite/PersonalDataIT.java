package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.ComplaintView;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;

/**
 * A complainant's contact details end to end: only quality managers and complaint handlers of the
 * unit see them, on the single complaint (REST view=full, gRPC FULL); administrators, unit managers
 * and viewers never; no list ever; and after a run that includes refused requests, no process log of
 * the suite holds them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class PersonalDataIT {

    private String hall;
    private String name;
    private String surname;
    private String email;
    private String phone;
    private String phoneDigits;
    private String complaint;
    private ManagedChannel channel;

    @BeforeAll
    void aComplaintWithUniqueContactDetails() {
        hall = Fixtures.complaintUnit();
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        surname = "Quixpii" + tag;
        name = "Zelda " + surname;
        email = "pii." + tag + "@example.org";
        phoneDigits = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
        phone = "+4930" + phoneDigits;
        Response created = given().header("Authorization", Tokens.bearer("complaint-handler", hall))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "pii-" + tag)
                .body(body("Charged twice"))
                .when()
                .post("/api/v1/complaints");
        created.then().statusCode(201);
        complaint = created.path("id");
        channel = ManagedChannelBuilder.forAddress(
                        "localhost", SuiteExtension.suite().grpcPort(Component.COMPLAINT))
                .usePlaintext()
                .build();
    }

    @AfterAll
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private String body(String description) {
        return "{\"unitId\":\"" + hall + "\",\"channel\":\"PHONE\",\"category\":\"BILLING\",\"severity\":\"MEDIUM\","
                + "\"description\":\"" + description + "\",\"complainant\":{\"name\":\"" + name + "\",\"email\":\""
                + email + "\",\"phone\":\"" + phone + "\"}}";
    }

    private List<String> traces() {
        return List.of(surname, email, phoneDigits);
    }

    private void assertNoContactIn(String where, String text) {
        for (String trace : traces()) {
            assertFalse(text.contains(trace), where + " carries the complainant's " + trace + ":\n" + text);
        }
    }

    @Test
    @Order(1)
    void onlyQualityManagersAndComplaintHandlersOfTheUnitSeeTheContactDetailsAndOnlyOnTheComplaint() {
        for (String role : List.of("quality-manager", "complaint-handler")) {
            given().header("Authorization", Tokens.bearer(role, hall))
                    .queryParam("view", "full")
                    .when()
                    .get("/api/v1/complaints/" + complaint)
                    .then()
                    .statusCode(200)
                    .body("complainant.name", equalTo(name))
                    .body("complainant.email", equalTo(email));
            Complaint full = ComplaintServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(Tokens.grpc(Tokens.bearer(role, hall)))
                    .withDeadlineAfter(15, TimeUnit.SECONDS)
                    .getComplaint(GetComplaintRequest.newBuilder()
                            .setId(complaint)
                            .setView(ComplaintView.COMPLAINT_VIEW_FULL)
                            .build());
            assertEquals(email, full.getComplainant().getEmail(), role + " over gRPC");
        }
        for (String role : List.of("administrator", "unit-manager", "viewer")) {
            String answer = given().header("Authorization", Tokens.bearer(role, hall))
                    .queryParam("view", "full")
                    .when()
                    .get("/api/v1/complaints/" + complaint)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertNoContactIn(role + "'s view=full", answer);
            Complaint full = ComplaintServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(Tokens.grpc(Tokens.bearer(role, hall)))
                    .withDeadlineAfter(15, TimeUnit.SECONDS)
                    .getComplaint(GetComplaintRequest.newBuilder()
                            .setId(complaint)
                            .setView(ComplaintView.COMPLAINT_VIEW_FULL)
                            .build());
            assertNoContactIn(role + "'s gRPC FULL view", full.toString());
        }
        for (String role : List.of("quality-manager", "complaint-handler", "administrator")) {
            String list = given().header("Authorization", Tokens.bearer(role, hall))
                    .queryParam("unitId", hall)
                    .when()
                    .get("/api/v1/complaints")
                    .then()
                    .statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(complaint))
                    .extract()
                    .asString();
            assertNoContactIn(role + "'s list", list);
            String grpcList = ComplaintServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(Tokens.grpc(Tokens.bearer(role, hall)))
                    .withDeadlineAfter(15, TimeUnit.SECONDS)
                    .listComplaints(ListComplaintsRequest.newBuilder()
                            .setUnitId(hall)
                            .setPageSize(100)
                            .build())
                    .toString();
            assertNoContactIn(role + "'s gRPC list", grpcList);
        }
    }

    @Test
    @Order(2)
    void refusedAndFailedRequestsLeaveNoContactDetailsInAnyLog() throws IOException {
        String handler = Tokens.bearer("complaint-handler", hall);
        String key = "pii-dup-" + UUID.randomUUID();
        given().header("Authorization", handler)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body("First"))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201);
        // The same request id for another complaint: a conflict.
        given().header("Authorization", handler)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(body("Second, different"))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(409);
        // A unit out of the handler's scope: the unit is not found.
        given().header(
                        "Authorization",
                        Tokens.bearer("complaint-handler", UUID.randomUUID().toString()))
                .contentType(ContentType.JSON)
                .body(body("Out of scope"))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(404);
        // Not a role that takes complaints: refused.
        given().header("Authorization", Tokens.bearer("viewer", hall))
                .contentType(ContentType.JSON)
                .body(body("Refused"))
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(403);
        // A malformed field next to the contact details: a field error, never the values.
        String bad = body("Bad").replace("\"severity\":\"MEDIUM\"", "\"severity\":\"ENORMOUS\"");
        given().header("Authorization", handler)
                .contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(400);

        List<String> leaks = new ArrayList<>();
        Suite suite = SuiteExtension.suite();
        for (Component c : Component.values()) {
            Path log = suite.log(c);
            assertTrue(Files.isRegularFile(log), log + " is missing");
            // Bytes as Latin-1: a log is searched, not decoded, and the details are ASCII.
            String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n")) {
                for (String trace : traces()) {
                    if (line.contains(trace)) {
                        leaks.add(c.module() + ": " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, "log lines with the complainant's contact details");
    }
}
