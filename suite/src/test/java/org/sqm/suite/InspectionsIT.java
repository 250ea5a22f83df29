package org.sqm.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inspections through the real gateway and inspection-service, against the Customer Service
 * Excellence standard (57 mandatory elements) published in the real standards-service: a plan
 * generates occurrences, inspectors are assigned under the certificate rules, every element is rated,
 * finalizing raises findings and orders, and versions stay pinned across a newer publish.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class InspectionsIT {

    private static final String PROBLEM = "application/problem+json";

    private String standardCode;
    private String standardId;
    private List<String> elements;
    private String branch;
    private String hallA;
    private String hallB;
    private String inspectorA;
    private String inspectorB;
    private String expiredInspector;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String unit(String type, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("code", unique("IN"), "name", "Unit " + type, "type", type));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/units")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String inspector(String from, String until) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Inspector",
                        "certificateNumber",
                        unique("PRV"),
                        "authorityLevel",
                        "PROVINCIAL",
                        "validFrom",
                        from,
                        "validUntil",
                        until,
                        "qualifiedKinds",
                        List.of("ON_SITE_ASSESSMENT", "SPOT_CHECK")))
                .when()
                .post("/api/v1/inspectors")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @BeforeAll
    void publishedStandardUnitsAndInspectors() throws Exception {
        standardCode = unique("CSE");
        String document = Files.readString(SuiteExtension.home()
                        .resolve("standards-service/src/main/resources/catalogue/customer-service-excellence.json"))
                .replace("\"code\": \"CSE\"", "\"code\": \"" + standardCode + "\"");
        Response draft = given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(document)
                .when()
                .post("/api/v1/standards:import");
        draft.then().statusCode(201);
        standardId = draft.path("id");
        given().urlEncodingEnabled(false)
                .header("If-Match", draft.header("ETag"))
                .when()
                .post("/api/v1/standards/" + standardId + ":publish")
                .then()
                .statusCode(200);
        branch = unit("CITY_BRANCH", null);
        hallA = unit("SERVICE_HALL", branch);
        hallB = unit("SERVICE_HALL", branch);
        unit("HOTLINE", branch);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        inspectorA = inspector(
                now.minus(30, ChronoUnit.DAYS).toString(),
                now.plus(800, ChronoUnit.DAYS).toString());
        inspectorB = inspector(
                now.minus(30, ChronoUnit.DAYS).toString(),
                now.plus(800, ChronoUnit.DAYS).toString());
        expiredInspector = inspector(
                now.minus(400, ChronoUnit.DAYS).toString(),
                now.minus(1, ChronoUnit.DAYS).toString());
    }

    private Response inspection(String id) {
        Response r = given().when().get("/api/v1/inspections/" + id);
        r.then().statusCode(200);
        return r;
    }

    private Response move(String id, String move, String note) {
        var request = given().urlEncodingEnabled(false)
                .header("If-Match", inspection(id).header("ETag"));
        if (note != null) {
            request.contentType(ContentType.JSON).body(Map.of("note", note));
        }
        return request.when().post("/api/v1/inspections/" + id + ":" + move);
    }

    private Response rate(String id, List<Map<String, Object>> ratings) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("ratings", ratings))
                .when()
                .post("/api/v1/inspections/" + id + "/ratings");
    }

    private static Map<String, Object> level(String element, String level) {
        return Map.of("elementCode", element, "levelCode", level, "evidenceNotes", "seen on site");
    }

    /** A started on-site assessment of hall A pinned to the version in force now. */
    private String startedInspection() {
        Instant now = Instant.now();
        Response created = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "unitId",
                        hallA,
                        "kind",
                        "ON_SITE_ASSESSMENT",
                        "authorityLevel",
                        "PROVINCIAL",
                        "standardCode",
                        standardCode,
                        "windowStart",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        now.plus(30, ChronoUnit.DAYS).toString()))
                .when()
                .post("/api/v1/inspections");
        created.then().statusCode(201).body("status", equalTo("SCHEDULED"));
        String id = created.path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("inspectorIds", List.of(inspectorA, inspectorB)))
                .when()
                .put("/api/v1/inspections/" + id + "/inspectors")
                .then()
                .statusCode(200);
        move(id, "start", null).then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        return id;
    }

    @Test
    void anInspectionIsRatedSubmittedFinalizedAndRaisesRectificationOrders() {
        String id = startedInspection();
        Response read = inspection(id);
        elements = read.path("elements.code");
        assertEquals(57, elements.size());
        assertEquals(standardCode, read.path("standardCode"));

        // Bad ratings: field-level 400, nothing written.
        rate(id, List.of(level(elements.get(0), "EXCELLENT"), level("9.9.9", "COMPLIANT")))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("ratings[0].levelCode", "ratings[1].elementCode")));
        assertEquals(0, inspection(id).<Integer>path("ratedCount"));

        // All but the last element rated: submit lists the one missing.
        List<Map<String, Object>> ratings = new ArrayList<>();
        for (int i = 0; i < elements.size() - 1; i++) {
            ratings.add(level(elements.get(i), i == 3 ? "PARTIAL_COMPLIANCE" : "COMPLIANT"));
        }
        rate(id, ratings).then().statusCode(200).body("ratedCount", equalTo(56));
        move(id, "submit", null)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("UNRATED_MANDATORY_ELEMENTS"))
                .body("errors.field", equalTo(List.of(elements.get(56))));
        rate(id, List.of(level(elements.get(56), "NON_COMPLIANCE"))).then().statusCode(200);
        move(id, "submit", null).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        move(id, "finalize", null).then().statusCode(200).body("status", equalTo("FINALIZED"));

        // A finalized inspection never changes.
        move(id, "cancel", "too late").then().statusCode(409).body("reason", equalTo("INSPECTION_FROZEN"));
        rate(id, List.of(level(elements.get(0), "NON_COMPLIANCE"))).then().statusCode(409);

        // Two findings, each with an order: partial compliance is minor, non-compliance major.
        Response orders = given().queryParam("inspectionId", id).when().get("/api/v1/rectificationOrders");
        orders.then().statusCode(200);
        Map<String, String> severities = new HashMap<>();
        List<Map<String, Object>> items = orders.path("items");
        for (Map<String, Object> o : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> finding = (Map<String, Object>) o.get("finding");
            severities.put((String) finding.get("elementCode"), (String) finding.get("severity"));
            assertEquals(hallA, o.get("ownerUnitId"));
            assertEquals("OPEN", o.get("status"));
        }
        assertEquals(Map.of(elements.get(3), "MINOR", elements.get(56), "MAJOR"), severities);

        // Follow an order to verification.
        String orderId = (String) items.get(0).get("id");
        moveOrder(orderId, "complete", Map.of("note", "staff retrained"))
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"));
        moveOrder(orderId, "verify", Map.of("note", "checked twice", "effective", true))
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"));
        moveOrder(orderId, "verify", Map.of("note", "again"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("effective"));

        // The results feed carries every rating as stored.
        Response results = given().queryParam(
                        "finalizedFrom",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString())
                .queryParam(
                        "finalizedUntil",
                        Instant.now().plus(1, ChronoUnit.HOURS).toString())
                .queryParam("unitId", hallA)
                .queryParam("kind", "ON_SITE_ASSESSMENT")
                .when()
                .get("/api/v1/inspectionResults");
        results.then().statusCode(200).body("items.inspectionId", hasItem(id));
        List<Map<String, Object>> fed = results.path("items.find { it.inspectionId == '" + id + "' }.ratings");
        assertEquals(57, fed.size());
        assertEquals(40, fed.get(3).get("points"));
        assertEquals(false, fed.get(56).get("meetsRequirement"));
    }

    private Response moveOrder(String id, String move, Map<String, Object> body) {
        String etag = given().when().get("/api/v1/rectificationOrders/" + id).header("ETag");
        return given().urlEncodingEnabled(false)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/rectificationOrders/" + id + ":" + move);
    }

    @Test
    void inspectorRulesAreEnforcedThroughTheGateway() {
        Instant now = Instant.now();
        Response created = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "unitId",
                        hallB,
                        "kind",
                        "SPOT_CHECK",
                        "authorityLevel",
                        "PROVINCIAL",
                        "standardCode",
                        standardCode,
                        "windowStart",
                        now.minus(1, ChronoUnit.DAYS).toString(),
                        "windowEnd",
                        now.plus(3, ChronoUnit.DAYS).toString()))
                .when()
                .post("/api/v1/inspections");
        created.then().statusCode(201);
        String id = created.path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("inspectorIds", List.of(inspectorA)))
                .when()
                .put("/api/v1/inspections/" + id + "/inspectors")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("inspectorIds")));
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("inspectorIds", List.of(inspectorA, expiredInspector)))
                .when()
                .put("/api/v1/inspections/" + id + "/inspectors")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("inspectorIds[1]")));
        move(id, "start", null).then().statusCode(409).body("reason", equalTo("INSPECTORS_REQUIRED"));
    }

    @Test
    void aPlanGeneratesOccurrencesOnceAndNewOnesPinTheNewerVersion() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> plan = Map.of(
                "name", "Provincial assessment of service halls",
                "kind", "ON_SITE_ASSESSMENT",
                "authorityLevel", "PROVINCIAL",
                "standardCode", standardCode,
                "targets", Map.of("parentUnitId", branch, "unitType", "SERVICE_HALL"),
                "cadence", "MONTHLY",
                "startDate", today.withDayOfMonth(1).toString(),
                "endDate", today.withDayOfMonth(1).plusMonths(3).minusDays(1).toString(),
                "timeZone", "Asia/Shanghai");
        Response created =
                given().contentType(ContentType.JSON).body(plan).when().post("/api/v1/inspectionPlans");
        created.then().statusCode(201).body("targets.unitType", equalTo("SERVICE_HALL"));
        String planId = created.path("id");
        String firstMonth = today.withDayOfMonth(1).toString();
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of("throughDate", firstMonth))
                .when()
                .post("/api/v1/inspectionPlans/" + planId + ":generate")
                .then()
                .statusCode(200)
                .body("createdCount", equalTo(2));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(Map.of("throughDate", firstMonth))
                .when()
                .post("/api/v1/inspectionPlans/" + planId + ":generate")
                .then()
                .statusCode(200)
                .body("createdCount", equalTo(0))
                .body("existingCount", equalTo(2));

        // A newer version is published; occurrences created from now on pin it, the first ones keep theirs.
        Response next =
                given().urlEncodingEnabled(false).when().post("/api/v1/standards/" + standardId + ":newVersion");
        next.then().statusCode(201);
        String v2 = next.path("id");
        given().urlEncodingEnabled(false)
                .header("If-Match", next.header("ETag"))
                .when()
                .post("/api/v1/standards/" + v2 + ":publish")
                .then()
                .statusCode(200);
        Response more =
                given().urlEncodingEnabled(false).when().post("/api/v1/inspectionPlans/" + planId + ":generate");
        more.then().statusCode(200).body("createdCount", equalTo(4)).body("existingCount", equalTo(2));
        assertEquals(standardCode + " v2", more.path("pinnedStandard"));

        Response listed = given().queryParam("planId", planId)
                .queryParam("pageSize", 4)
                .when()
                .get("/api/v1/inspections");
        listed.then().statusCode(200);
        List<String> pinned = new ArrayList<>(listed.path("items.standardId"));
        String token = listed.path("nextPageToken");
        pinned.addAll(given().queryParam("planId", planId)
                .queryParam("pageToken", token)
                .when()
                .get("/api/v1/inspections")
                .path("items.standardId"));
        assertEquals(6, pinned.size());
        assertEquals(4, pinned.stream().filter(v2::equals).count());
        assertEquals(2, pinned.stream().filter(standardId::equals).count());
        assertTrue(pinned.stream().allMatch(p -> p.equals(v2) || p.equals(standardId)));
    }
}
