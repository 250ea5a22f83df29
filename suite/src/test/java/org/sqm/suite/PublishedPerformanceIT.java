package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.testing.auth.Bearer;

/**
 * Published performance through the real gateway and services, two months ago (a month no other test
 * scores): a county with two halls under the catalogue's models. Hall 1 has three survey answers (5, 4,
 * 4 on 1-5: 100, 75, 75), a complaint received in the month and resolved long after its deadline, and 2000
 * customers; hall 2 one answer of 3 (50). Published, the feed shows each figure next to its target
 * (the hall model's timeliness target 100), the same in JSON and CSV, and nothing of the complainant or
 * the survey's respondents; publishing again changes nothing.
 */
@ExtendWith(SuiteExtension.class)
class PublishedPerformanceIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Two months ago: a month no other test scores, after the hall standard's effectiveFrom (2026-01-01). */
    private static final String PERIOD = YearMonth.now(ZONE).minusMonths(2).toString();

    private static final String RESPONDENT = "respondent R-55501";
    private static final List<String> PERSONAL =
            List.of("Petra Quell", "+49 30 5555 0199", "petra.quell@example.org", "R-55501");

    @Test
    void aPublishedPeriodShowsTargetsAndAchievementsWithoutPersonalData() throws Exception {
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200);
        String county = Fixtures.unit("COUNTY_BRANCH", null);
        String hall1 = Fixtures.complaintUnit();
        Fixtures.moveUnder(hall1, county);
        String hall2 = Fixtures.unit("SERVICE_HALL", county);
        surveys(Map.of(hall1, List.of(5, 4, 4), hall2, List.of(3)));
        complaint(hall1);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "batchId",
                        Fixtures.unique("PP-CS"),
                        "source",
                        "billing system",
                        "items",
                        List.of(Map.of("unitId", hall1, "period", PERIOD, "customers", 2000))))
                .when()
                .post("/api/v1/customersServedBatches")
                .then()
                .statusCode(201);
        Fixtures.recompute(PERIOD);

        Response published = given().urlEncodingEnabled(false)
                .header("Authorization", Bearer.administratorAs("regulator-desk"))
                .when()
                .post("/api/v1/publishedPerformance/" + PERIOD + ":publish");
        published.then().statusCode(200).body("period", equalTo(PERIOD)).body("actor", equalTo("regulator-desk"));
        String fingerprint = published.path("fingerprint");
        assertEquals(64, fingerprint.length());

        String json = given().queryParam("parentUnitId", county)
                .when()
                .get("/api/v1/publishedPerformance/" + PERIOD)
                .then()
                .statusCode(200)
                .body("publication.fingerprint", equalTo(fingerprint))
                .extract()
                .asString();
        JsonPath feed = new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals(List.of(hall1, hall2), feed.getList("rows.unitId"), "by unit code");
        String first = "rows[0].figures.find { it.measure == '%s' }.";
        assertEquals(250.0 / 3, feed.getDouble(first.formatted("SATISFACTION_INDEX") + "achieved"), 1e-9);
        assertEquals(3, feed.getInt(first.formatted("SATISFACTION_INDEX") + "sampleSize"));
        assertEquals(
                "3 responses, fewer than the model's minimum sample of 30",
                feed.getString(first.formatted("SATISFACTION_INDEX") + "note"));
        assertEquals(0.0, feed.getDouble(first.formatted("COMPLAINT_TIMELINESS") + "achieved"), 1e-9);
        assertEquals(1, feed.getInt(first.formatted("COMPLAINT_TIMELINESS") + "sampleSize"));
        assertEquals(100.0, feed.getDouble(first.formatted("COMPLAINT_TIMELINESS") + "target"), 1e-9);
        assertFalse(feed.getBoolean(first.formatted("COMPLAINT_TIMELINESS") + "targetMet"));
        assertEquals(5.0, feed.getDouble(first.formatted("COMPLAINT_RATE") + "achieved"), 1e-9);
        assertEquals(2000, feed.getInt(first.formatted("COMPLAINT_RATE") + "sampleSize"));
        assertEquals(50.0, feed.getDouble("rows[1].figures[0].achieved"), 1e-9);

        // The county pools its halls: (250 + 50) / 4 = 75 of 4 responses; a roll-up model sets no target.
        JsonPath counties = given().queryParam("unitType", "COUNTY_BRANCH")
                .queryParam("pageSize", 1000)
                .when()
                .get("/api/v1/publishedPerformance/" + PERIOD)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        String ours = "rows.find { it.unitId == '" + county + "' }.figures[0].";
        assertEquals(75.0, counties.getDouble(ours + "achieved"), 1e-9);
        assertEquals(4, counties.getInt(ours + "sampleSize"));
        assertNull(counties.get(ours + "target"));

        String csv = given().accept("text/csv")
                .queryParam("parentUnitId", county)
                .when()
                .get("/api/v1/publishedPerformance/" + PERIOD)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("period,unitCode,"), csv);
        assertEquals(1 + 3 + 3, lines.length, "a line per hall and figure: " + csv);
        assertTrue(csv.contains(",COMPLAINT_TIMELINESS,,Complaint timeliness,0.0,1,100.0,false,"), csv);

        for (String personal : PERSONAL) {
            assertFalse(json.contains(personal), personal + " in " + json);
            assertFalse(csv.contains(personal), personal + " in " + csv);
        }

        // Publishing again answers the first publication, whoever asks.
        given().urlEncodingEnabled(false)
                .header("Authorization", Bearer.administratorAs("someone-else"))
                .when()
                .post("/api/v1/publishedPerformance/" + PERIOD + ":publish")
                .then()
                .statusCode(200)
                .body("fingerprint", equalTo(fingerprint))
                .body("actor", equalTo("regulator-desk"))
                .body("publishTime", equalTo(published.<String>path("publishTime")));
        given().when()
                .get("/api/v1/publishedPerformance/2025-04")
                .then()
                .statusCode(409)
                .body("reason", equalTo("PERIOD_NOT_PUBLISHED"));
    }

    private static void surveys(Map<String, List<Integer>> scores) {
        List<Map<String, Object>> responses = new java.util.ArrayList<>();
        scores.forEach((unit, values) -> values.forEach(score ->
                responses.add(Map.of("unitId", unit, "segment", "MOBILE", "date", PERIOD + "-12", "score", score))));
        Fixtures.surveyBatch("telephone survey, " + RESPONDENT, responses);
    }

    /** A complaint with a complainant, received in the month and resolved now, long after its deadline. */
    private static void complaint(String hall) {
        Instant received =
                YearMonth.parse(PERIOD).atDay(6).atTime(10, 0).atZone(ZONE).toInstant();
        Response created = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "unitId", hall,
                        "channel", "PHONE",
                        "category", "BILLING",
                        "severity", "MEDIUM",
                        "description", "Charged twice",
                        "receiveTime", received.toString(),
                        "complainant",
                                Map.of(
                                        "name", PERSONAL.get(0),
                                        "phone", PERSONAL.get(1),
                                        "email", PERSONAL.get(2))))
                .when()
                .post("/api/v1/complaints");
        created.then().statusCode(201);
        String id = created.path("id");
        String etag = Fixtures.complaintMove(id, created.header("ETag"), "startInvestigation", Map.of());
        Fixtures.complaintMove(id, etag, "resolve", Map.of("rootCause", "BILLING_ERROR", "remedy", "Refunded"));
    }
}
