package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The closed loop through the real gateway and services: the shipped service hall model asks for a
 * city spot check when a hall's satisfaction index falls by more than 10 points from one month to the
 * next. One hall falls by 25 points, another by 8.33: after recomputing both months exactly one
 * SPOT_CHECK inspection exists, for the first hall, with the reason and figures in its origin; a
 * second recompute of the month changes nothing.
 */
@ExtendWith(SuiteExtension.class)
class SpotChecksIT {

    private static final String JANUARY = "2020-01";
    private static final String FEBRUARY = "2020-02";

    @Test
    void aSatisfactionDropBeyondTheModelsThresholdRequestsOneSpotCheck() throws Exception {
        standardTheModelNames();
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200)
                .body("entries.code", hasItem("SERVICE_HALL"));
        String fell = Fixtures.unit("SERVICE_HALL", null);
        String dipped = Fixtures.unit("SERVICE_HALL", null);
        // On a 1-5 scale a 5 is 100 and a 4 is 75: 100 -> 75 is 25 points; 100 -> 91.67 is 8.33.
        survey(fell, JANUARY, 30, 0);
        survey(fell, FEBRUARY, 0, 30);
        survey(dipped, JANUARY, 30, 0);
        survey(dipped, FEBRUARY, 20, 10);
        Fixtures.recompute(JANUARY);
        Fixtures.recompute(FEBRUARY);

        JsonPath fired = requested(fell);
        assertEquals("SATISFACTION_DROP", fired.getString("items[0].triggerCode"));
        assertEquals(FEBRUARY, fired.getString("items[0].period"));
        String inspectionId = fired.getString("items[0].inspectionId");
        String reason = fired.getString("items[0].reason");
        assertEquals(
                "satisfaction index fell by 25 points from 2020-01 to 2020-02 (100 to 75), more than 10 points",
                reason);

        JsonPath inspection = given().when()
                .get("/api/v1/inspections/" + inspectionId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals(fell, inspection.getString("unitId"));
        assertEquals("SPOT_CHECK", inspection.getString("kind"));
        assertEquals("CITY", inspection.getString("authorityLevel"));
        assertEquals("SQM-HALL-HOTLINE", inspection.getString("standardCode"));
        assertEquals("scoring-service/spot-checks", inspection.getString("origin.requestedBy"));
        assertEquals(fired.getString("items[0].id"), inspection.getString("origin.reference"));
        assertEquals(reason, inspection.getString("origin.reason"));
        assertEquals(
                List.of(JANUARY, JANUARY, FEBRUARY, FEBRUARY, FEBRUARY), inspection.getList("origin.figures.period"));
        assertEquals(List.of(100.0, 30.0, 75.0, 30.0, 25.0), inspection.getList("origin.figures.value"));

        assertEquals(0, spotChecks(dipped).getList("items").size(), "8.33 points is not more than 10");
        assertEquals(0, inspections(dipped), "no spot check for the hall below the threshold");

        // Recomputing the month again: the trigger already fired for the hall and the month.
        Fixtures.recompute(FEBRUARY);
        Thread.sleep(1500);
        assertEquals(1, spotChecks(fell).getList("items").size());
        assertEquals(1, inspections(fell));
    }

    /** The standard the shipped model's triggers name, imported and published as the catalogue script does. */
    private static void standardTheModelNames() throws Exception {
        byte[] document = Files.readAllBytes(SuiteExtension.home()
                .resolve("standards-service/src/main/resources/catalogue/service-hall-and-hotline.json"));
        String key = "catalogue-"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(document))
                        .substring(0, 32);
        Response imported = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(document)
                .when()
                .post("/api/v1/standards:import");
        imported.then().statusCode(201);
        if ("DRAFT".equals(imported.path("status"))) {
            given().urlEncodingEnabled(false)
                    .header("If-Match", imported.header("ETag"))
                    .when()
                    .post("/api/v1/standards/" + imported.<String>path("id") + ":publish")
                    .then()
                    .statusCode(200);
        }
    }

    /** Responses on the 12th of the month on a 1-5 scale: fives, then fours. */
    private static void survey(String unit, String month, int fives, int fours) {
        List<Map<String, Object>> responses = new ArrayList<>();
        for (int i = 0; i < fives + fours; i++) {
            responses.add(
                    Map.of("unitId", unit, "segment", "MOBILE", "date", month + "-12", "score", i < fives ? 5 : 4));
        }
        Fixtures.surveyBatch("monthly telephone survey", responses);
    }

    /**
     * The unit's fired triggers once its spot check is requested: the evaluation runs right after the
     * recompute's scorecards become current, a moment after its operation is done.
     */
    private static JsonPath requested(String unit) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonPath list = spotChecks(unit);
        while (System.nanoTime() < deadline) {
            list = spotChecks(unit);
            if (list.getList("items").size() == 1 && "REQUESTED".equals(list.getString("items[0].status"))) {
                return list;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no requested spot check for " + unit + ": " + list.prettify());
    }

    private static JsonPath spotChecks(String unit) {
        return given().queryParam("unitId", unit)
                .when()
                .get("/api/v1/spotChecks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static int inspections(String unit) {
        List<Object> items = given().queryParam("unitId", unit)
                .when()
                .get("/api/v1/inspections")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertTrue(items != null);
        return items.size();
    }
}
