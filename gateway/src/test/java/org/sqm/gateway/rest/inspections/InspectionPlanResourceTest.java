package org.sqm.gateway.rest.inspections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.Cadence;
import org.sqm.proto.inspection.v1.CreateInspectionPlanRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesResponse;
import org.sqm.proto.inspection.v1.GetInspectionPlanRequest;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.ListInspectionPlansRequest;
import org.sqm.proto.inspection.v1.ListInspectionPlansResponse;
import org.sqm.proto.inspection.v1.PlanTargets;
import org.sqm.proto.standards.v1.UnitType;

@QuarkusTest
class InspectionPlanResourceTest extends FakeBackendTest {

    static final InspectionPlan PLAN = InspectionPlan.newBuilder()
            .setId("p1")
            .setName("Quarterly halls")
            .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
            .setStandardCode("CSE")
            .setTargets(PlanTargets.newBuilder().setParentUnitId("root").setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL))
            .setCadence(Cadence.CADENCE_QUARTERLY)
            .setStartDate("2026-01-01")
            .setEndDate("2026-12-31")
            .setTimeZone("Asia/Shanghai")
            .setCreateTime(at("2026-01-01T00:00:00Z"))
            .build();

    @Test
    void createTranslatesTargetsAndCadence() {
        Backend.answer(CreateInspectionPlanRequest.class, PLAN);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body("{\"name\":\"Quarterly halls\",\"kind\":\"ON_SITE_ASSESSMENT\",\"authorityLevel\":\"CITY\","
                        + "\"standardCode\":\"CSE\",\"targets\":{\"unitIds\":[\"u1\",\"u2\"]},"
                        + "\"cadence\":\"EXPLICIT_DATES\",\"explicitDates\":[\"2026-03-01\"],"
                        + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\"}")
                .when()
                .post("/api/v1/inspectionPlans")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/inspectionPlans/p1"))
                .body("kind", equalTo("ON_SITE_ASSESSMENT"))
                .body("cadence", equalTo("QUARTERLY"))
                .body("targets.parentUnitId", equalTo("root"))
                .body("targets.unitType", equalTo("SERVICE_HALL"))
                .body("targets.unitIds", nullValue())
                .body("explicitDates", nullValue())
                .body("createTime", equalTo("2026-01-01T00:00:00Z"));
        CreateInspectionPlanRequest sent = Backend.received(CreateInspectionPlanRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals(List.of("u1", "u2"), sent.getPlan().getTargets().getUnitIdsList());
        assertEquals(UnitType.UNIT_TYPE_UNSPECIFIED, sent.getPlan().getTargets().getUnitType());
        assertEquals(Cadence.CADENCE_EXPLICIT_DATES, sent.getPlan().getCadence());
        assertEquals(List.of("2026-03-01"), sent.getPlan().getExplicitDatesList());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_CITY, sent.getPlan().getAuthorityLevel());
    }

    @Test
    void readAndListAnswerPlans() {
        Backend.answer(GetInspectionPlanRequest.class, PLAN);
        given().when().get("/api/v1/inspectionPlans/p1").then().statusCode(200).body("id", equalTo("p1"));
        assertEquals("p1", Backend.received(GetInspectionPlanRequest.class).getId());
        Backend.answer(
                ListInspectionPlansRequest.class,
                ListInspectionPlansResponse.newBuilder().addPlans(PLAN).build());
        given().queryParam("pageToken", "t")
                .when()
                .get("/api/v1/inspectionPlans")
                .then()
                .statusCode(200)
                .body("items.name", contains("Quarterly halls"))
                .body("nextPageToken", nullValue());
        assertEquals("t", Backend.received(ListInspectionPlansRequest.class).getPageToken());
    }

    @Test
    void generateTakesAnOptionalThroughDate() {
        Backend.answer(
                GenerateOccurrencesRequest.class,
                GenerateOccurrencesResponse.newBuilder()
                        .setCreatedCount(4)
                        .setExistingCount(1)
                        .setPinnedStandard("CSE v2")
                        .build());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/inspectionPlans/p1:generate")
                .then()
                .statusCode(200)
                .body("createdCount", equalTo(4))
                .body("existingCount", equalTo(1))
                .body("pinnedStandard", equalTo("CSE v2"));
        assertEquals("", Backend.received(GenerateOccurrencesRequest.class).getThroughDate());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"throughDate\":\"2026-06-30\"}")
                .when()
                .post("/api/v1/inspectionPlans/p1:generate")
                .then()
                .statusCode(200);
        GenerateOccurrencesRequest sent = Backend.received(GenerateOccurrencesRequest.class);
        assertEquals("p1", sent.getPlanId());
        assertEquals("2026-06-30", sent.getThroughDate());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("[1,2]")
                .when()
                .post("/api/v1/inspectionPlans/p1:generate")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void backendErrorsBecomeProblems() {
        Backend.fail(
                CreateInspectionPlanRequest.class,
                Statuses.invalid("plan.targets.unit_ids[1]", "is not a unit", "plan.start_date", "is required"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"P\"}")
                .when()
                .post("/api/v1/inspectionPlans")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("targets.unitIds[1]", "startDate"));
        Backend.fail(
                GenerateOccurrencesRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "NO_PUBLISHED_VERSION", "CSE has no published version"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/inspectionPlans/p1:generate")
                .then()
                .statusCode(409)
                .body("reason", equalTo("NO_PUBLISHED_VERSION"));
    }

    @Test
    void aSampledPlanOfANewCadenceTravelsBothWays() {
        Backend.answer(
                CreateInspectionPlanRequest.class,
                PLAN.toBuilder()
                        .setCadence(Cadence.CADENCE_HALF_YEARLY)
                        .setSampleSize(3)
                        .build());
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Provincial spot checks\",\"kind\":\"SPOT_CHECK\",\"authorityLevel\":\"PROVINCIAL\","
                        + "\"standardCode\":\"CSE\",\"targets\":{\"parentUnitId\":\"root\",\"unitType\":\"SERVICE_HALL\"},"
                        + "\"cadence\":\"HALF_YEARLY\",\"sampleSize\":3,"
                        + "\"startDate\":\"2026-01-01\",\"endDate\":\"2026-12-31\"}")
                .when()
                .post("/api/v1/inspectionPlans")
                .then()
                .statusCode(201)
                .body("cadence", equalTo("HALF_YEARLY"))
                .body("sampleSize", equalTo(3));
        CreateInspectionPlanRequest sent = Backend.received(CreateInspectionPlanRequest.class);
        assertEquals(Cadence.CADENCE_HALF_YEARLY, sent.getPlan().getCadence());
        assertEquals(3, sent.getPlan().getSampleSize());
        for (String cadence : List.of("DAILY", "ANNUAL")) {
            given().contentType(ContentType.JSON)
                    .body("{\"cadence\":\"" + cadence + "\"}")
                    .when()
                    .post("/api/v1/inspectionPlans")
                    .then()
                    .statusCode(201);
            assertEquals(
                    "CADENCE_" + cadence,
                    Backend.received(CreateInspectionPlanRequest.class)
                            .getPlan()
                            .getCadence()
                            .name());
        }
        given().contentType(ContentType.JSON)
                .body("{\"cadence\":\"FORTNIGHTLY\",\"sampleSize\":\"three\"}")
                .when()
                .post("/api/v1/inspectionPlans")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        Backend.fail(
                CreateInspectionPlanRequest.class,
                Statuses.invalid("plan.sample_size", "must be fewer than the 2 listed units; 0 inspects them all"));
        given().contentType(ContentType.JSON)
                .body("{\"sampleSize\":2}")
                .when()
                .post("/api/v1/inspectionPlans")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sampleSize"));
    }
}
