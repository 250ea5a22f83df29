package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A unit's dashboard against the real services: whole with data from every service, then with each of
 * complaint, inspection and scoring service stopped in turn a 200 partial answer within the part
 * deadline (that service's parts left out with their warnings, the others present), and whole again
 * once the service is back. One data set serves every test.
 */
@ExtendWith(SuiteExtension.class)
class DashboardIT {

    /** The gateway's part deadline (its default, which the suite keeps). */
    private static final long PART_DEADLINE_MILLIS = 2_000;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static String hall;
    private static String lastMonth;
    private static String overdueComplaint;
    private static String freshComplaint;
    private static String inspection;

    @BeforeAll
    static void oneUnitWithDataFromEveryService() throws Exception {
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200);
        String company = Fixtures.unit("COMPANY", null);
        hall = Fixtures.complaintUnit();
        Fixtures.moveUnder(hall, company);

        // Two open complaints: one received ten days ago, long past its deadlines; one received now.
        overdueComplaint = complaint(Instant.now().minus(10, ChronoUnit.DAYS));
        freshComplaint = complaint(null);
        // A withdrawn one, which the dashboard's one open-only list call leaves out.
        String withdrawn = complaint(null);
        String etag = given().when()
                .get("/api/v1/complaints/" + withdrawn)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().urlEncodingEnabled(false)
                .header("If-Match", etag)
                .when()
                .post("/api/v1/complaints/" + withdrawn + ":withdraw")
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        // A scheduled inspection next week.
        String standard = Fixtures.publishedCopy("customer-service-excellence.json", "CSE", "DASH-CSE");
        Instant now = Instant.now();
        inspection = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "unitId",
                        hall,
                        "kind",
                        "ON_SITE_ASSESSMENT",
                        "authorityLevel",
                        "CITY",
                        "standardCode",
                        standard,
                        "windowStart",
                        now.plus(7, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        now.plus(14, ChronoUnit.DAYS).toString()))
                .when()
                .post("/api/v1/inspections")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // Last month's survey (the model's minimum sample), then its scorecards.
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        lastMonth = month.toString();
        LocalDate day = month.atDay(12);
        List<Map<String, Object>> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(Map.of("unitId", hall, "segment", "MOBILE", "date", day.toString(), "score", i < 20 ? 5 : 4));
        }
        Fixtures.surveyBatch("dashboard survey", responses);
        Fixtures.recompute(lastMonth);
    }

    private static String complaint(Instant received) throws Exception {
        Map<String, Object> body = new HashMap<>(new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(Fixtures.complaintBody(hall, "Waited an hour"), Map.class));
        if (received != null) {
            body.put("receiveTime", received.toString());
        }
        return given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body)
                .when()
                .post("/api/v1/complaints")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response dashboard() {
        return given().when().get("/api/v1/units/" + hall + "/dashboard");
    }

    @Test
    void theWholeDashboardOfAUnit() {
        Response answer = dashboard();
        // The survey's index on last month's point: 20 x 100 and 10 x 75 over 30 responses.
        assertEquals(
                91.667,
                answer.jsonPath().getDouble("trend.points.find { it.period == '" + lastMonth + "' }.satisfactionIndex"),
                0.01,
                answer.asString());
        answer.then()
                .statusCode(200)
                .body("partial", equalTo(false))
                .body("warnings", empty())
                .body("omitted", empty())
                .body("period", equalTo(YearMonth.now(ZoneOffset.UTC).toString()))
                .body("unit.id", equalTo(hall))
                .body("path.size()", equalTo(2))
                .body("path[1].id", equalTo(hall))
                .body("trend.points.size()", equalTo(12))
                .body("trend.points.find { it.period == '" + lastMonth + "' }.scorecardId", notNullValue())
                .body("scorecard.period", equalTo(lastMonth))
                .body("scorecard.unitId", equalTo(hall))
                // The scorecard came in the trend's answer; the dashboard says it once.
                .body("trend.latestScorecard", nullValue())
                .body("complaints.openCount", equalTo(2))
                .body("complaints.overdueCount", greaterThanOrEqualTo(1))
                .body("complaints.items.complaint.id", containsInAnyOrder(overdueComplaint, freshComplaint))
                // Overdue first, its deadlines counted past due.
                .body("complaints.items[0].complaint.id", equalTo(overdueComplaint))
                .body("complaints.items[0].overdue", equalTo(true))
                .body("complaints.items[0].deadlines.kind", hasItem("ACKNOWLEDGE"))
                .body("complaints.items[0].deadlines[0].secondsLeft", org.hamcrest.Matchers.lessThan(0))
                .body("complaints.items.complaint.complainant", everyItem(nullValue()))
                .body("inspections.upcoming.id", containsInAnyOrder(inspection))
                .body("inspections.overdue", empty())
                .body("rectificationOrders.open", empty())
                .body("supervisionOrders.open", empty())
                .body("accreditation", notNullValue());
    }

    @ParameterizedTest
    @EnumSource(
            value = Component.class,
            names = {"COMPLAINT", "INSPECTION", "SCORING"})
    void aStoppedServiceLeavesItsPartsOutWithWarningsInTime(Component backend) throws InterruptedException {
        List<String> lost =
                switch (backend) {
                    case COMPLAINT -> List.of("complaints");
                    case INSPECTION -> List.of("inspections", "rectificationOrders", "supervisionOrders");
                    case SCORING -> List.of("trend", "scorecard", "accreditation");
                    default -> throw new IllegalArgumentException(backend.name());
                };
        dashboard().then().statusCode(200).body("partial", equalTo(false));
        Suite suite = SuiteExtension.suite();
        suite.stop(backend);
        try {
            long started = System.nanoTime();
            JsonPath answer = dashboard()
                    .then()
                    .statusCode(200)
                    .body("partial", equalTo(true))
                    .body("warnings.part", containsInAnyOrder(lost.toArray()))
                    .body("warnings.service", everyItem(equalTo(backend.module())))
                    .body("warnings.code", everyItem(equalTo("UNAVAILABLE")))
                    .body("warnings.status", everyItem(equalTo(503)))
                    .body("unit.id", equalTo(hall))
                    .extract()
                    .jsonPath();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis < PART_DEADLINE_MILLIS + 1_000, "partial answer after " + millis + " ms");
            for (String part : lost) {
                assertNull(answer.get(part), part + " is left out");
            }
            // The other services' parts are all there.
            for (String part : List.of(
                    "unit",
                    "path",
                    "trend",
                    "scorecard",
                    "complaints",
                    "inspections",
                    "rectificationOrders",
                    "supervisionOrders",
                    "accreditation")) {
                if (!lost.contains(part)) {
                    assertFalse(answer.get(part) == null, part + " is there while " + backend.module() + " is down");
                }
            }
            System.out.printf(
                    "dashboard with %s stopped: 200 partial in %d ms, warnings %s%n",
                    backend.module(), millis, answer.getList("warnings.message"));
        } finally {
            suite.restart(backend);
        }
        // The gateway reaches the service again by itself: the dashboard is whole again.
        boolean whole = false;
        for (int attempt = 0; attempt < 60 && !whole; attempt++) {
            whole = !dashboard().then().statusCode(200).extract().<Boolean>path("partial");
            if (!whole) {
                Thread.sleep(500);
            }
        }
        assertTrue(whole, "the dashboard is whole again once " + backend.module() + " is back");
        dashboard()
                .then()
                .statusCode(200)
                .body("complaints.openCount", equalTo(2))
                .body("scorecard.period", equalTo(lastMonth));
    }

    @Test
    void anUnknownUnitIs404() {
        given().when()
                .get("/api/v1/units/" + UUID.randomUUID() + "/dashboard")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
