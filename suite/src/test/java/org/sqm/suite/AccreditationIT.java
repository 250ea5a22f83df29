package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sqm.testing.auth.Bearer;

/**
 * Accreditation end to end, through the gateway against the real services: accreditation rules in the
 * style of Customer Service Excellence for a published copy of the CSE standard, an on-site assessment
 * rated with Compliance Plus, Compliant and two Partial Compliances in one criterion and finalized in
 * inspection-service, and the decision: accredited with an action plan whose two rectification orders
 * (read back from inspection-service) are due within three months, one of them brought forward by the
 * decision. The decision grants the unit's certification (valid 36 months, its first annual review
 * planned in inspection-service), which can be suspended and reinstated by hand. Deciding again
 * changes nothing; a unit without an on-site assessment and contradictory rules are refused, saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class AccreditationIT {

    /** Who moves the assessments. */
    private static final String ACTOR = "assessment-team";

    /** scoring-service's time zone, in which the action plan's months are counted. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    String standardCode;
    String rulesCode;
    List<String> inspectors;

    @BeforeAll
    void standardRulesAndInspectors() {
        standardCode = Fixtures.publishedCopy("customer-service-excellence.json", "CSE", "ACC-CSE");
        rulesCode = Fixtures.unique("ACC");
        given().contentType(ContentType.JSON)
                .body(rules(rulesCode, standardCode))
                .when()
                .post("/api/v1/accreditationRules")
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .body("maxPartialsPerCriterion", equalTo(2));
        inspectors = List.of(
                Fixtures.inspector("Assessor", "NATIONAL", "ON_SITE_ASSESSMENT"),
                Fixtures.inspector("Assessor", "NATIONAL", "ON_SITE_ASSESSMENT"));
    }

    /** Customer Service Excellence's rules (as the shipped catalogue has them) for the standard. */
    static Map<String, Object> rules(String code, String standard) {
        Map<String, Object> rules = new HashMap<>();
        rules.put("code", code);
        rules.put("name", "Customer Service Excellence");
        rules.put("standardCode", standard);
        rules.put("nonComplianceLevelCodes", List.of("NON_COMPLIANCE"));
        rules.put("partialComplianceLevelCodes", List.of("PARTIAL_COMPLIANCE"));
        rules.put("compliancePlusLevelCodes", List.of("COMPLIANCE_PLUS"));
        rules.put("maxNonCompliances", 0);
        rules.put("maxPartialsPerCriterion", 2);
        rules.put("actionPlanDueMonths", 3);
        rules.put("validityMonths", 36);
        rules.put("reviewIntervalMonths", 12);
        rules.put("reviewWindowDays", 30);
        rules.put("reviewGraceDays", 30);
        rules.put("assessmentAuthorityLevel", "NATIONAL");
        return rules;
    }

    static String hall() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", Fixtures.unique("ACC-HALL"), "name", "Hall", "type", "SERVICE_HALL"))
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * A national on-site assessment of the unit against the standard, finalized now: every element
     * rated as {@code levelOf} says for its index (0 to 56 in the standard's order); answers its id.
     */
    static String assess(
            String unit, String standard, List<String> inspectors, java.util.function.IntFunction<String> levelOf) {
        Instant now = Instant.now();
        String id = Fixtures.startedInspection(
                Map.of(
                        "unitId",
                        unit,
                        "kind",
                        "ON_SITE_ASSESSMENT",
                        "authorityLevel",
                        "NATIONAL",
                        "standardCode",
                        standard,
                        "windowStart",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        now.plus(7, ChronoUnit.DAYS).toString()),
                inspectors,
                ACTOR);
        Fixtures.rateEvery(id, levelOf);
        Fixtures.inspectionMove(id, "submit", ACTOR);
        Fixtures.inspectionMove(id, "finalize", ACTOR);
        return id;
    }

    static Response decide(String unit, String rulesCode, String actor) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", Bearer.administratorAs(actor))
                .body(Map.of("rulesCode", rulesCode))
                .when()
                .post("/api/v1/units/" + unit + "/accreditationDecisions");
    }

    static List<Map<String, Object>> orders(String inspection) {
        Response orders = given().queryParam("inspectionId", inspection).when().get("/api/v1/rectificationOrders");
        orders.then().statusCode(200);
        return orders.path("items");
    }

    @Test
    void partialCompliancesWithinTheLimitsAreAccreditedWithAnActionPlanDueWithinThreeMonths() {
        String unit = hall();
        // Criterion 1's elements are the first ones: two Partial Compliances there (elements 1 and 2),
        // Compliance Plus every fifth element, Compliant elsewhere.
        String inspection = assess(
                unit,
                standardCode,
                inspectors,
                i -> i == 1 || i == 2 ? "PARTIAL_COMPLIANCE" : i % 5 == 0 ? "COMPLIANCE_PLUS" : "COMPLIANT");
        List<Map<String, Object>> issued = orders(inspection);
        assertEquals(2, issued.size());
        // One order is given a later due time than the action plan allows: the decision brings it forward.
        String late = (String) issued.get(0).get("id");
        Response lateOrder = given().when().get("/api/v1/rectificationOrders/" + late);
        given().contentType(ContentType.JSON)
                .header("If-Match", lateOrder.header("ETag"))
                .body(Map.of("dueTime", Instant.now().plus(200, ChronoUnit.DAYS).toString()))
                .when()
                .patch("/api/v1/rectificationOrders/" + late)
                .then()
                .statusCode(200);

        Instant before = Instant.now();
        Response decided = decide(unit, rulesCode, "assessor-1");
        decided.then()
                .statusCode(201)
                .body("outcome", equalTo("ACCREDITED_WITH_ACTION_PLAN"))
                .body("inspectionId", equalTo(inspection))
                .body("rulesCode", equalTo(rulesCode))
                .body("standardCode", equalTo(standardCode))
                .body("nonComplianceCount", equalTo(0))
                .body("partialComplianceCount", equalTo(2))
                .body("compliancePlusCount", equalTo(12))
                .body("criteria[0].criterionCode", equalTo("1"))
                .body("criteria[0].verdict", equalTo("MET_WITH_ACTION_PLAN"))
                .body("criteria[0].reason", containsString("2 partial compliances"))
                .body("criteria[1].verdict", equalTo("MET"))
                .body("criteria.size()", equalTo(5))
                .body("reasons", hasItems("no non-compliance", "no criterion has more than 2 partial compliances"))
                .body("actor", equalTo("assessor-1"));
        String decision = decided.path("id");
        assertTrue(decided.header("Location").endsWith("/api/v1/accreditationDecisions/" + decision));
        Instant limit = Instant.parse(decided.path("actionPlanDueTime"));
        assertFalse(limit.isAfter(Instant.now().atZone(ZONE).plusMonths(3).toInstant()));
        assertFalse(limit.isBefore(before.atZone(ZONE).plusMonths(3).toInstant().truncatedTo(ChronoUnit.SECONDS)));

        // The action plan is the two orders, and inspection-service has them due within the limit.
        List<Map<String, Object>> plan = decided.path("actionPlan");
        Map<String, Boolean> moved = new HashMap<>();
        plan.forEach(item -> moved.put((String) item.get("rectificationOrderId"), (Boolean) item.get("dueTimeMoved")));
        Map<String, Boolean> expected = new HashMap<>();
        issued.forEach(o -> expected.put((String) o.get("id"), o.get("id").equals(late)));
        assertEquals(expected, moved);
        for (Map<String, Object> order : orders(inspection)) {
            assertFalse(Instant.parse((String) order.get("dueTime")).isAfter(limit), order.toString());
        }
        assertEquals(
                limit,
                Instant.parse(given().when()
                        .get("/api/v1/rectificationOrders/" + late)
                        .path("dueTime")));

        // The certification cycle: the decision granted the unit's certification for 36 months, with the
        // action plan's orders, and planned its first annual review in inspection-service.
        decided.then().body("certificationAction", equalTo("GRANTED"));
        String certification = CertificationCycleChecks.granted(unit, decision, standardCode, 36, 12, 30, "NATIONAL");
        assertEquals(certification, decided.path("certificationId"));
        assertEquals(
                expected.keySet(),
                Set.copyOf(given().when()
                        .get("/api/v1/certifications/" + certification)
                        .jsonPath()
                        .getList("actionPlanOrderIds", String.class)));

        // Deciding again on the same assessment answers the same decision and changes nothing.
        decide(unit, rulesCode, "someone-else")
                .then()
                .statusCode(201)
                .body("id", equalTo(decision))
                .body("actor", equalTo("assessor-1"));
        given().queryParam("unitId", unit)
                .when()
                .get("/api/v1/accreditationDecisions")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(decision));
        given().when()
                .get("/api/v1/accreditationDecisions/" + decision)
                .then()
                .statusCode(200)
                .body("actionPlan.size()", equalTo(2));
        given().when()
                .get("/api/v1/certifications/" + certification)
                .then()
                .statusCode(200)
                .body("history.action", equalTo(List.of("GRANT")));
        CertificationCycleChecks.suspendedAndReinstatedByHand(certification);
    }

    @Test
    void aUnitWithoutAFinalizedOnSiteAssessmentIsRefusedSayingSo() {
        String unit = hall();
        decide(unit, rulesCode, "assessor-1")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("reason", equalTo("NO_FINALIZED_ON_SITE_ASSESSMENT"))
                .body("detail", containsString("has no finalized on-site assessment against standard " + standardCode));
        given().queryParam("unitId", unit)
                .when()
                .get("/api/v1/accreditationDecisions")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void rulesThatContradictEachOtherAreRefusedNamingEveryField() {
        String code = Fixtures.unique("ACC-BAD");
        Map<String, Object> bad = rules(code, standardCode);
        bad.put("compliancePlusLevelCodes", List.of("PARTIAL_COMPLIANCE"));
        bad.put("maxPartialsTotal", 1);
        bad.put("validityMonths", 12);
        bad.put("reviewIntervalMonths", 12);
        bad.put("actionPlanDueMonths", 12);
        given().contentType(ContentType.JSON)
                .body(bad)
                .when()
                .post("/api/v1/accreditationRules")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "compliancePlusLevelCodes[0]",
                                "maxPartialsPerCriterion",
                                "reviewIntervalMonths",
                                "actionPlanDueMonths")));
        given().queryParam("code", code)
                .when()
                .get("/api/v1/accreditationRules")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
