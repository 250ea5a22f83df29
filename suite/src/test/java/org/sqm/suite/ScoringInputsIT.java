package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.inspection.v1.StreamInspectionResultsRequest;
import org.sqm.proto.inspection.v1.StreamOrderLapsesRequest;
import org.sqm.testing.auth.Bearer;

/**
 * Everything a unit is scored on, recorded through the real gateway into the real services, and read
 * back: an inspection's score, a supervision order and the violation its lapse becomes, sampled
 * indicators, a survey and its satisfaction index, customers served, a violation withdrawn on appeal,
 * a complaint with its segment and first-contact resolution; then the period feeds scoring-service
 * reads over gRPC (inspection results, order lapses, complaint statistics for every unit at once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class ScoringInputsIT {

    /** Who moves the inspection (its history names them). */
    private static final String ACTOR = "inspector-7";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    private String hall;
    private String fieldTeam;
    private ManagedChannel inspection;
    private ManagedChannel complaint;

    @BeforeAll
    void unitsChannelsAndTheScoringCatalogue() {
        hall = Fixtures.complaintUnit();
        fieldTeam = given().contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.unique("FT"), "name", "Field team", "type", "FIELD_TEAM"))
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Loading twice is safe: the second time every entry is UNCHANGED.
        for (int i = 0; i < 2; i++) {
            given().urlEncodingEnabled(false)
                    .when()
                    .post("/api/v1/scoringCatalogue:load")
                    .then()
                    .statusCode(200)
                    .body("entries.code", hasItem("FIELD_APPOINTMENT_KEEPING"));
        }
        Suite suite = SuiteExtension.suite();
        inspection = ManagedChannelBuilder.forAddress("localhost", suite.grpcPort(Component.INSPECTION))
                .usePlaintext()
                .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                .build();
        complaint = ManagedChannelBuilder.forAddress("localhost", suite.grpcPort(Component.COMPLAINT))
                .usePlaintext()
                .intercept(org.sqm.testing.auth.Bearer.administratorInterceptor())
                .build();
    }

    @AfterAll
    void closeChannels() {
        inspection.shutdownNow();
        complaint.shutdownNow();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    @Test
    void aFinalizedInspectionCarriesItsScoreIntoTheResultsFeed() throws Exception {
        String code = Fixtures.publishedCopy("customer-service-excellence.json", "CSE", "CSE");
        Instant now = Instant.now();
        // A provincial inspection is a regulator's: two inspectors.
        List<String> inspectors = List.of(
                Fixtures.inspector("Inspector", "PROVINCIAL", "SPOT_CHECK"),
                Fixtures.inspector("Inspector", "PROVINCIAL", "SPOT_CHECK"));
        String id = Fixtures.startedInspection(
                Map.of(
                        "unitId",
                        hall,
                        "kind",
                        "SPOT_CHECK",
                        "authorityLevel",
                        "PROVINCIAL",
                        "standardCode",
                        code,
                        "windowStart",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        now.plus(3, ChronoUnit.DAYS).toString()),
                inspectors,
                ACTOR);
        List<String> elements = Fixtures.rateEvery(id, i -> "COMPLIANT");
        Fixtures.inspectionMove(id, "submit", ACTOR);
        // Every element Compliant (75 of the scale's 100 points): 75, whatever the weights.
        Fixtures.inspectionMove(id, "finalize", ACTOR)
                .then()
                .body("score.score", equalTo(75.0f))
                .body("score.failed", equalTo(false))
                .body("history.actor", hasItem("inspector-7"));

        List<InspectionResult> fed = new ArrayList<>();
        InspectionFeedServiceGrpc.newBlockingStub(inspection)
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .streamInspectionResults(StreamInspectionResultsRequest.newBuilder()
                        .setPeriodStart(ts(start))
                        .setPeriodEnd(ts(Instant.now().plusSeconds(60)))
                        .build())
                .forEachRemaining(fed::add);
        InspectionResult result = fed.stream()
                .filter(r -> r.getInspectionId().equals(id))
                .findFirst()
                .orElseThrow();
        assertEquals(75.0, result.getScore().getScore(), 1e-9);
        assertEquals(elements.size(), result.getRatingsCount());
    }

    @Test
    void aSupervisionOrderNotFixedInTimeBecomesOneViolationThatCanBeWithdrawn() throws Exception {
        Instant due =
                Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Response issued = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", Bearer.administratorAs("province-cs"))
                .body(Map.of(
                        "unitId", hall,
                        "authorityLevel", "PROVINCIAL",
                        "issuer", "Provincial company, customer service department",
                        "problem", "Queue times above 30 minutes on three checks",
                        "dueTime", due.toString(),
                        "reportInterval", "P7D"))
                .when()
                .post("/api/v1/supervisionOrders");
        issued.then().statusCode(201).body("status", equalTo("OPEN"));
        String order = issued.path("id");
        // Completing without a cause is refused: the cause must be found first.
        given().urlEncodingEnabled(false)
                .header("If-Match", issued.header("ETag"))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "queues shorter"))
                .when()
                .post("/api/v1/supervisionOrders/" + order + ":complete")
                .then()
                .statusCode(409)
                .body("reason", equalTo("CAUSE_REQUIRED"));

        while (Instant.now().isBefore(due.plusSeconds(1))) {
            Thread.sleep(200);
        }
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<OrderLapse> lapses = new ArrayList<>();
        InspectionFeedServiceGrpc.newBlockingStub(inspection)
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .streamOrderLapses(StreamOrderLapsesRequest.newBuilder()
                        .setPeriodStart(ts(start))
                        .setPeriodEnd(ts(end))
                        .build())
                .forEachRemaining(lapses::add);
        assertTrue(
                lapses.stream()
                        .anyMatch(l ->
                                l.getOrderId().equals(order) && l.getUnitId().equals(hall)),
                lapses.toString());

        Map<String, String> period = Map.of("periodStart", start.toString(), "periodEnd", end.toString());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(period)
                .when()
                .post("/api/v1/violations:recordOrderLapses")
                .then()
                .statusCode(200);
        // Again: every lapse is already recorded, nothing twice.
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(period)
                .when()
                .post("/api/v1/violations:recordOrderLapses")
                .then()
                .statusCode(200)
                .body("violationsRecorded", equalTo(0));
        Response listed = given().queryParam("unitId", hall)
                .queryParam("from", start.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString())
                .when()
                .get("/api/v1/violations");
        listed.then().statusCode(200);
        List<Map<String, Object>> violations = listed.path("items");
        List<Map<String, Object>> fromOrder = violations.stream()
                .filter(v -> "SUPERVISION_NOT_FIXED_IN_TIME".equals(v.get("ruleCode")))
                .toList();
        assertEquals(1, fromOrder.size(), violations.toString());

        // Withdrawn on appeal: still in the ledger, marked withdrawn, left out of the default list.
        String violation = (String) fromOrder.get(0).get("id");
        String etag = given().when().get("/api/v1/violations/" + violation).header("ETag");
        given().urlEncodingEnabled(false)
                .header("If-Match", etag)
                .header("Authorization", Bearer.administratorAs("appeals-board"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "appeal upheld: the due date was set without notice"))
                .when()
                .post("/api/v1/violations/" + violation + ":withdraw")
                .then()
                .statusCode(200);
        given().when()
                .get("/api/v1/violations/" + violation)
                .then()
                .statusCode(200)
                .body("withdrawal.reason", equalTo("appeal upheld: the due date was set without notice"));
    }

    @Test
    void indicatorsSurveysAndCustomersServedGoInAsBatchesAndComeBack() {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        Map<String, Object> measurements = Map.of(
                "batchId",
                Fixtures.unique("MB"),
                "source",
                "field dispatch system",
                "items",
                List.of(Map.of(
                        "unitId",
                        fieldTeam,
                        "indicatorCode",
                        "FIELD_APPOINTMENT_KEEPING",
                        "period",
                        month,
                        "numerator",
                        188,
                        "denominator",
                        200)));
        for (int i = 0; i < 2; i++) { // re-sent: the same batch, nothing twice
            given().contentType(ContentType.JSON)
                    .body(measurements)
                    .when()
                    .post("/api/v1/measurementBatches")
                    .then()
                    .statusCode(201);
        }
        given().queryParam("unitId", fieldTeam)
                .queryParam("period", month)
                .when()
                .get("/api/v1/measurements")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].numerator", equalTo(188));

        // Scores 5, 4 and 3 on a 1-5 scale are 100, 75 and 50: an index of 75 from 3 responses.
        LocalDate day = YearMonth.parse(month).atDay(10);
        List<Map<String, Object>> responses = new ArrayList<>();
        for (int score : List.of(5, 4, 3)) {
            responses.add(Map.of("unitId", hall, "segment", "MOBILE", "date", day.toString(), "score", score));
        }
        Fixtures.surveyBatch("monthly telephone survey", responses);
        given().queryParam("period", month)
                .queryParam("segment", "MOBILE")
                .when()
                .get("/api/v1/units/" + hall + "/satisfactionIndex")
                .then()
                .statusCode(200)
                .body("sampleSize", equalTo(3))
                .body("index", equalTo(75.0f));

        Map<String, Object> served = new HashMap<>(Map.of(
                "batchId", Fixtures.unique("CS"),
                "source", "billing",
                "items", List.of(Map.of("unitId", hall, "period", month, "customers", 12000))));
        given().contentType(ContentType.JSON)
                .body(served)
                .when()
                .post("/api/v1/customersServedBatches")
                .then()
                .statusCode(201);
        given().queryParam("unitId", hall)
                .queryParam("period", month)
                .when()
                .get("/api/v1/customersServed")
                .then()
                .statusCode(200)
                .body("items[0].customers", equalTo(12000));
        // The same batch id with other content is a conflict, and nothing changes.
        served.put("items", List.of(Map.of("unitId", hall, "period", month, "customers", 13000)));
        given().contentType(ContentType.JSON)
                .body(served)
                .when()
                .post("/api/v1/customersServedBatches")
                .then()
                .statusCode(409);
    }

    @Test
    void complaintsCarryTheirSegmentAndFirstContactResolutionIntoTheStatisticsFeed() throws Exception {
        Map<String, Object> body =
                new HashMap<>(JSON.readValue(Fixtures.complaintBody(hall, "Roaming charged twice"), Map.class));
        body.put("customerSegment", "VIP");
        Response created = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when()
                .post("/api/v1/complaints");
        created.then().statusCode(201).body("customerSegment", equalTo("VIP"));
        String id = created.path("id");
        String etag = Fixtures.complaintMove(id, created.header("ETag"), "startInvestigation", Map.of());
        Fixtures.complaintMove(
                id,
                etag,
                "resolve",
                Map.of("rootCause", "BILLING_RULE", "remedy", "Refunded", "resolvedAtFirstContact", true));

        Instant end = Instant.now().plusSeconds(60);
        String lines = given().queryParam("periodStart", start.toString())
                .queryParam("periodEnd", end.toString())
                .when()
                .get("/api/v1/complaintStatistics")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        JsonNode ours = null;
        for (String line : lines.split("\n")) {
            JsonNode unit = JSON.readTree(line);
            if (unit.path("unitId").asText().equals(hall)) {
                ours = unit.path("statistics");
            }
        }
        assertTrue(ours != null, "the hall is in the feed");
        assertTrue(ours.path("firstContactResolutions").asLong() >= 1, ours.toString());
        assertTrue(ours.path("receivedBySegment").path("VIP").asLong() >= 1, ours.toString());

        // The same feed over gRPC, as scoring-service reads it.
        List<UnitComplaintStatistics> fed = new ArrayList<>();
        ComplaintServiceGrpc.newBlockingStub(complaint)
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .streamComplaintStatistics(StreamComplaintStatisticsRequest.newBuilder()
                        .setPeriodStart(ts(start))
                        .setPeriodEnd(ts(end))
                        .build())
                .forEachRemaining(fed::add);
        UnitComplaintStatistics grpc =
                fed.stream().filter(u -> u.getUnitId().equals(hall)).findFirst().orElseThrow();
        assertEquals(ours.path("received").asLong(), grpc.getStatistics().getReceived());
        assertEquals(
                ours.path("firstContactResolutions").asLong(),
                grpc.getStatistics().getFirstContactResolutions());
    }
}
