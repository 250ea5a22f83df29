package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.sqm.testing.auth.Bearer;

/**
 * The certification cycle seen through the gateway after a positive accreditation decision: the
 * unit's certification is active for the rules' validity, its first annual review is planned in
 * inspection-service as an on-site assessment in the window before it is due, and it can be
 * suspended and reinstated by hand with its etag, every change in its history.
 */
final class CertificationCycleChecks {

    /** scoring-service's time zone, in which the cycle's months are counted. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CertificationCycleChecks() {}

    /**
     * Checks the certification the decision granted and returns its id.
     *
     * @param validityMonths     the rules' validity (CSE: 36)
     * @param reviewMonths       the rules' review interval (CSE: 12)
     * @param reviewWindowDays   the rules' review window
     * @param assessmentAuthority the rules' assessment authority, e.g. NATIONAL
     */
    static String granted(
            String unitId,
            String decisionId,
            String standardCode,
            int validityMonths,
            int reviewMonths,
            int reviewWindowDays,
            String assessmentAuthority) {
        JsonPath list = given().queryParam("unitId", unitId)
                .when()
                .get("/api/v1/certifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> items = list.getList("items");
        assertEquals(1, items.size(), "one certification for the unit: " + items);
        String id = (String) items.get(0).get("id");

        JsonPath c = given().when()
                .get("/api/v1/certifications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("unitId", equalTo(unitId))
                .body("latestDecisionId", equalTo(decisionId))
                .body("nextReviewIsReassessment", equalTo(false))
                .body("history[0].action", equalTo("GRANT"))
                .body("history[0].decisionId", equalTo(decisionId))
                .extract()
                .jsonPath();
        Instant granted = Instant.parse(c.getString("grantTime"));
        assertTrue(Duration.between(granted, Instant.now()).abs().toMinutes() < 10, "granted now: " + granted);
        Instant validUntil = Instant.parse(c.getString("validUntil"));
        Instant due = Instant.parse(c.getString("nextReviewDueTime"));
        assertEquals(granted.atZone(ZONE).plusMonths(validityMonths).toInstant(), validUntil);
        assertEquals(granted.atZone(ZONE).plusMonths(reviewMonths).toInstant(), due);

        // The first review's on-site assessment, planned in inspection-service before the decision answered.
        String planned = c.getString("plannedInspectionId");
        assertNotNull(planned, "the next review is planned");
        assertEquals(planned, c.getString("history[0].plannedInspectionId"));
        given().when()
                .get("/api/v1/inspections/" + planned)
                .then()
                .statusCode(200)
                .body("unitId", equalTo(unitId))
                .body("kind", equalTo("ON_SITE_ASSESSMENT"))
                .body("authorityLevel", equalTo(assessmentAuthority))
                .body("standardCode", equalTo(standardCode))
                .body("status", equalTo("SCHEDULED"))
                .body(
                        "windowStart",
                        equalTo(due.atZone(ZONE)
                                .minusDays(reviewWindowDays)
                                .toInstant()
                                .toString()))
                .body("windowEnd", equalTo(due.toString()))
                .body("origin.requestedBy", equalTo("scoring-service/certifications"))
                .body("origin.reference", equalTo(id));
        return id;
    }

    /** Suspends the certification by hand and reinstates it, each with the etag of the read before. */
    static void suspendedAndReinstatedByHand(String id) {
        String etag = given().when()
                .get("/api/v1/certifications/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String suspendedEtag = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("Authorization", Bearer.administratorAs("quality-manager"))
                .header("If-Match", etag)
                .body(Map.of("reason", "complaint about the assessment under investigation"))
                .when()
                .post("/api/v1/certifications/" + id + ":suspend")
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("history[1].action", equalTo("SUSPEND"))
                .body("history[1].actor", equalTo("quality-manager"))
                .extract()
                .header("ETag");
        // The etag read before the suspension is stale now.
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("reason", "too early"))
                .when()
                .post("/api/v1/certifications/" + id + ":reinstate")
                .then()
                .statusCode(409);
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of("etag", suspendedEtag.replace("\"", ""), "reason", "investigation closed"))
                .when()
                .post("/api/v1/certifications/" + id + ":reinstate")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("history.action", equalTo(List.of("GRANT", "SUSPEND", "REINSTATE")))
                .body("history[2].actor", equalTo("administrator@sqm.dev")) // the token's subject
                .body("history[2].reason", equalTo("investigation closed"));
    }
}
