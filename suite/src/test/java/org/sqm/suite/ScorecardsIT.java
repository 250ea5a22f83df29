package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A month's scorecards through the real gateway and the four real services: a service hall of a
 * company -> city branch -> county branch hierarchy is inspected by the province and the city
 * (mystery shopping, 50/50 in the control plan's service hall model), surveyed, complained about and
 * charged a violation, all in last month; a second hall of the county has nothing. Recomputing last
 * month (a long-running operation) scores the first hall point by point, leaves the second with
 * insufficient data, rolls the first up to the county, the city and the company, and a second
 * recompute gives the same explanation byte for byte.
 */
@ExtendWith(SuiteExtension.class)
class ScorecardsIT {

    /** Who moves the mystery shoppings. */
    private static final String ACTOR = "mystery-shopping-team";

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void lastMonthsScorecardsExplainEveryPointAndRollUp() throws Exception {
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200)
                .body("entries.code", hasItem("SERVICE_HALL"));
        YearMonth month = YearMonth.now(ZONE).minusMonths(1);
        Instant monthStart = month.atDay(1).atStartOfDay(ZONE).toInstant();

        String company = Fixtures.unit("COMPANY", null);
        String city = Fixtures.unit("CITY_BRANCH", company);
        String county = Fixtures.unit("COUNTY_BRANCH", city);
        String hall = Fixtures.complaintUnit();
        Fixtures.moveUnder(hall, county);
        String quietHall = Fixtures.unit("SERVICE_HALL", county);

        // Mystery shopping in the month: the province finds every element Compliant (75), the city
        // every element Compliance Plus (100).
        String standard = Fixtures.publishedCopy("customer-service-excellence.json", "CSE", "SC-CSE");
        inspect(hall, standard, "PROVINCIAL", "COMPLIANT", monthStart);
        inspect(hall, standard, "CITY", "COMPLIANCE_PLUS", monthStart);

        // 30 survey responses (the model's minimum sample): 20 x 5 and 10 x 4 on 1-5, i.e. 20 x 100
        // and 10 x 75: an index of 2750 / 30 = 91.666...
        LocalDate day = month.atDay(12);
        List<Map<String, Object>> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(Map.of("unitId", hall, "segment", "MOBILE", "date", day.toString(), "score", i < 20 ? 5 : 4));
        }
        Fixtures.surveyBatch("monthly telephone survey", responses);

        // A complaint received in the month and resolved only now, long after its deadline:
        // timeliness 0 %, which the model's target 100 / floor 80 maps to 0.
        Map<String, Object> complaint = new HashMap<>(new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(Fixtures.complaintBody(hall, "Queue of an hour"), Map.class));
        complaint.put("receiveTime", monthStart.plus(2, ChronoUnit.DAYS).toString());
        Response received = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(complaint)
                .when()
                .post("/api/v1/complaints");
        received.then().statusCode(201);
        String complaintId = received.path("id");
        String etag = Fixtures.complaintMove(complaintId, received.header("ETag"), "startInvestigation", Map.of());
        Fixtures.complaintMove(
                complaintId, etag, "resolve", Map.of("rootCause", "STAFFING", "remedy", "Second counter opened"));

        // A report handed in late in the month: 0.5 points.
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "unitId", hall,
                        "ruleCode", "REPORT_LATE",
                        "occurredTime", monthStart.plus(20, ChronoUnit.DAYS).toString(),
                        "evidence", "Monthly service report handed in on the 21st",
                        "reportedBy", "city-cs"))
                .when()
                .post("/api/v1/violations")
                .then()
                .statusCode(201);

        JsonPath first = Fixtures.recompute(month.toString());
        assertTrue(first.getLong("response.scored") >= 4, first.prettify());

        // 0.5 x (0.5 x 75 + 0.5 x 100) + 0.3 x 91.666... + 0.2 x 0 = 43.75 + 27.5 = 71.25; - 0.5 = 70.75: C.
        JsonPath card = scorecard(hall, month.toString());
        assertEquals("SCORED", card.getString("status"));
        assertEquals("SERVICE_HALL", card.getString("modelCode"));
        assertEquals(87.5, card.getDouble("components.find { it.code == 'MYSTERY_SHOPPING' }.rawValue"), 1e-9);
        assertEquals(
                2,
                card.getList("components.find { it.code == 'MYSTERY_SHOPPING' }.inputs")
                        .size());
        assertEquals(91.66666666666667, card.getDouble("components.find { it.code == 'SATISFACTION' }.rawValue"), 1e-9);
        assertEquals(0.0, card.getDouble("components.find { it.code == 'COMPLAINT_TIMELINESS' }.mappedValue"), 1e-9);
        assertEquals(71.25, card.getDouble("weightedScore"), 1e-9);
        assertEquals(0.5, card.getDouble("deductionPoints"), 1e-9);
        assertEquals("REPORT_LATE", card.getString("deductions[0].ruleCode"));
        assertEquals(70.75, card.getDouble("score"), 1e-9);
        assertEquals("C", card.getString("grade"));

        JsonPath quiet = scorecard(quietHall, month.toString());
        assertEquals("INSUFFICIENT_DATA", quiet.getString("status"));

        // The county rolls up its one scored hall (the quiet one is left out and says why), and so on up.
        JsonPath countyCard = scorecard(county, month.toString());
        assertEquals(70.75, countyCard.getDouble("score"), 1e-9);
        assertEquals(2, countyCard.getList("children").size());
        assertEquals(70.75, scorecard(city, month.toString()).getDouble("score"), 1e-9);
        assertEquals(70.75, scorecard(company, month.toString()).getDouble("score"), 1e-9);
        given().queryParam("period", month.toString())
                .queryParam("parentUnitId", county)
                .when()
                .get("/api/v1/scorecards")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2));

        // The same inputs again: new scorecards, the same explanation and fingerprint.
        Fixtures.recompute(month.toString());
        JsonPath again = scorecard(hall, month.toString());
        assertNotEquals(card.getString("id"), again.getString("id"));
        assertEquals(card.getString("explanation"), again.getString("explanation"));
        assertEquals(card.getString("inputsFingerprint"), again.getString("inputsFingerprint"));

        given().queryParam("period", month.toString())
                .queryParam("count", 3)
                .when()
                .get("/api/v1/units/" + hall + "/scoreTrend")
                .then()
                .statusCode(200)
                .body("points.size()", equalTo(3))
                .body("points[2].score", equalTo(70.75f));

        // The county's halls as a league table: the scored hall ranked first, the quiet one listed but
        // not ranked; by satisfaction, the hall's 30 responses meet the model's minimum sample.
        given().queryParam("period", month.toString())
                .queryParam("parentUnitId", county)
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(200)
                .body("ranked", equalTo(1))
                .body("insufficientData", equalTo(1))
                .body("rows[0].unitId", equalTo(hall))
                .body("rows[0].rank", equalTo(1))
                .body("rows[0].value", equalTo(70.75f))
                .body("rows[0].grade", equalTo("C"))
                .body("rows[1].unitId", equalTo(quietHall))
                .body("rows[1].status", equalTo("INSUFFICIENT_DATA"));
        given().queryParam("period", month.toString())
                .queryParam("parentUnitId", county)
                .queryParam("metric", "SATISFACTION_INDEX")
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(200)
                .body("rows[0].unitId", equalTo(hall))
                .body("rows[0].sampleSize", equalTo(30));
        String csv = given().accept("text/csv")
                .queryParam("period", month.toString())
                .queryParam("parentUnitId", county)
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r?\n");
        assertTrue(lines[0].startsWith("rank,"), csv);
        assertEquals(3, lines.length, csv);
        assertTrue(lines[1].startsWith("1,"), csv);

        // This month has not ended: refused, saying so.
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of("period", YearMonth.now(ZONE).toString()))
                .when()
                .post("/api/v1/scorecards:recompute")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("period"));
    }

    private static JsonPath scorecard(String unit, String period) {
        return given().when()
                .get("/api/v1/units/" + unit + "/scorecards/" + period)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** A mystery-shopping inspection whose window opens in the month, every element rated {@code level}, finalized now. */
    private static void inspect(String unit, String standard, String authority, String level, Instant monthStart) {
        Instant now = Instant.now();
        List<String> inspectors = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            inspectors.add(given().contentType(ContentType.JSON)
                    .body(Map.of(
                            "name", "Mystery shopper",
                            "pseudonym", Fixtures.unique("Shopper"),
                            "certificateNumber", Fixtures.unique("MS"),
                            "authorityLevel", authority,
                            "validFrom", now.minus(120, ChronoUnit.DAYS).toString(),
                            "validUntil", now.plus(800, ChronoUnit.DAYS).toString(),
                            "qualifiedKinds", List.of("MYSTERY_SHOPPING")))
                    .when()
                    .post("/api/v1/inspectors")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        String id = Fixtures.startedInspection(
                Map.of(
                        "unitId",
                        unit,
                        "kind",
                        "MYSTERY_SHOPPING",
                        "authorityLevel",
                        authority,
                        "standardCode",
                        standard,
                        "windowStart",
                        monthStart.plus(3, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        monthStart.plus(10, ChronoUnit.DAYS).toString()),
                inspectors,
                ACTOR);
        Fixtures.rateEvery(id, i -> level);
        String etag = given().when().get("/api/v1/inspections/" + id).header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of(
                        "mode", "VISIT",
                        "contactTime", monthStart.plus(4, ChronoUnit.DAYS).toString(),
                        "scenario", "asks to move a broadband line"))
                .when()
                .put("/api/v1/inspections/" + id + "/mysteryShoppingContact")
                .then()
                .statusCode(200);
        Fixtures.inspectionMove(id, "submit", ACTOR);
        Fixtures.inspectionMove(id, "finalize", ACTOR);
    }
}
