package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.scoring.v1.CatalogueEntryOutcome;
import org.sqm.proto.scoring.v1.CatalogueOutcome;
import org.sqm.proto.scoring.v1.CreateDeductionRuleRequest;
import org.sqm.proto.scoring.v1.CreateIndicatorRequest;
import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.proto.scoring.v1.GetIndicatorRequest;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.IndicatorKind;
import org.sqm.proto.scoring.v1.ListDeductionRulesRequest;
import org.sqm.proto.scoring.v1.ListDeductionRulesResponse;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueResponse;
import org.sqm.proto.standards.v1.UnitType;

@QuarkusTest
class ScoringCatalogueResourceTest extends FakeBackendTest {

    static final Indicator KEEPING = Indicator.newBuilder()
            .setId("ind-1")
            .setCode("FIELD_APPOINTMENT_KEEPING")
            .setName("Appointment-keeping rate of field visits")
            .setCounted("Visits on the agreed time, of visits with an agreed time")
            .setKind(IndicatorKind.INDICATOR_KIND_RATE)
            .setDirection(IndicatorDirection.INDICATOR_DIRECTION_HIGHER_IS_BETTER)
            .setUnitType(UnitType.UNIT_TYPE_FIELD_TEAM)
            .setCreateTime(at("2026-01-05T08:00:00Z"))
            .build();

    static final DeductionRule LATE = DeductionRule.newBuilder()
            .setId("rule-1")
            .setCode("REPORT_LATE")
            .setDescription("A report handed in late")
            .setPointsMillis(500)
            .setCreateTime(at("2026-01-05T08:00:00Z"))
            .build();

    @Test
    void anIndicatorIsDefinedAndReadInRestTerms() {
        Backend.answer(CreateIndicatorRequest.class, KEEPING);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body("{\"code\":\"FIELD_APPOINTMENT_KEEPING\",\"name\":\"Appointment-keeping rate of field visits\","
                        + "\"counted\":\"Visits on time\",\"kind\":\"RATE\",\"direction\":\"HIGHER_IS_BETTER\","
                        + "\"unitType\":\"FIELD_TEAM\"}")
                .when()
                .post("/api/v1/indicators")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/indicators/ind-1"))
                .body("kind", equalTo("RATE"))
                .body("direction", equalTo("HIGHER_IS_BETTER"))
                .body("unitType", equalTo("FIELD_TEAM"));
        CreateIndicatorRequest sent = Backend.received(CreateIndicatorRequest.class);
        assertEquals("k1", sent.getRequestId());
        assertEquals(IndicatorKind.INDICATOR_KIND_RATE, sent.getIndicator().getKind());
        assertEquals(UnitType.UNIT_TYPE_FIELD_TEAM, sent.getIndicator().getUnitType());

        Backend.answer(
                GetIndicatorRequest.class, KEEPING.toBuilder().clearUnitType().build());
        given().when()
                .get("/api/v1/indicators/ind-1")
                .then()
                .statusCode(200)
                .body("code", equalTo("FIELD_APPOINTMENT_KEEPING"))
                .body("unitType", nullValue());
    }

    @Test
    void badIndicatorsAndRulesAreProblemsNamingRestFields() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"kind\":\"RATIO\"}")
                .when()
                .post("/api/v1/indicators")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("kind"));
        Backend.fail(
                CreateDeductionRuleRequest.class,
                Statuses.invalid("deduction_rule.points_millis", "must be between 1 and 100000"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"description\":\"d\"}")
                .when()
                .post("/api/v1/deductionRules")
                .then()
                .statusCode(400)
                .body("errors.field", contains("pointsMillis"));
        assertEquals(
                0,
                Backend.received(CreateDeductionRuleRequest.class)
                        .getDeductionRule()
                        .getPointsMillis());
        Backend.fail(
                CreateDeductionRuleRequest.class,
                Statuses.status(Code.ALREADY_EXISTS, "DEDUCTION_RULE_ALREADY_EXISTS", "taken"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"description\":\"d\",\"pointsMillis\":500}")
                .when()
                .post("/api/v1/deductionRules")
                .then()
                .statusCode(409)
                .body("reason", equalTo("DEDUCTION_RULE_ALREADY_EXISTS"));
    }

    @Test
    void deductionRulesHaveRestNow() {
        Backend.answer(CreateDeductionRuleRequest.class, LATE);
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"REPORT_LATE\",\"description\":\"A report handed in late\",\"pointsMillis\":500}")
                .when()
                .post("/api/v1/deductionRules")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/deductionRules/rule-1"))
                .body("pointsMillis", equalTo(500));
        Backend.answer(
                ListDeductionRulesRequest.class,
                ListDeductionRulesResponse.newBuilder().addDeductionRules(LATE).build());
        given().queryParam("pageSize", 10)
                .when()
                .get("/api/v1/deductionRules")
                .then()
                .statusCode(200)
                .body("items.code", contains("REPORT_LATE"))
                .body("nextPageToken", nullValue());
        assertEquals(10, Backend.received(ListDeductionRulesRequest.class).getPageSize());
    }

    @Test
    void theCatalogueLoadsTheShippedOneWithoutABodyAndAnOwnOneWithIt() {
        Backend.answer(
                LoadScoringCatalogueRequest.class,
                LoadScoringCatalogueResponse.newBuilder()
                        .addEntries(CatalogueEntryOutcome.newBuilder()
                                .setKind("indicator")
                                .setCode("FIELD_APPOINTMENT_KEEPING")
                                .setId("ind-1")
                                .setOutcome(CatalogueOutcome.CATALOGUE_OUTCOME_CREATED))
                        .build());
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200)
                .body("entries[0].outcome", equalTo("CREATED"))
                .body("entries[0].kind", equalTo("indicator"));
        assertFalse(Backend.received(LoadScoringCatalogueRequest.class).hasCatalogue());

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"deductionRules\":[{\"code\":\"OWN\",\"description\":\"Own\",\"pointsMillis\":250}]}")
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200);
        LoadScoringCatalogueRequest own = Backend.received(LoadScoringCatalogueRequest.class);
        assertEquals(250, own.getCatalogue().getDeductionRules(0).getPointsMillis());
        assertEquals(0, own.getCatalogue().getIndicatorsCount());

        Backend.fail(
                LoadScoringCatalogueRequest.class, Statuses.invalid("catalogue.indicators[1].kind", "is required"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"indicators\":[{\"code\":\"A\"},{\"code\":\"B\"}]}")
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("indicators[1].kind"));
    }

    @Test
    void aCatalogueMayBringScoringModels() {
        Backend.answer(
                LoadScoringCatalogueRequest.class,
                LoadScoringCatalogueResponse.newBuilder()
                        .addEntries(CatalogueEntryOutcome.newBuilder()
                                .setKind("scoring_model")
                                .setCode("HOTLINE")
                                .setId("m3")
                                .setOutcome(CatalogueOutcome.CATALOGUE_OUTCOME_CREATED))
                        .build());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"scoringModels\":[{\"code\":\"HOTLINE\",\"name\":\"Hotline\",\"unitType\":\"HOTLINE\","
                        + "\"components\":[{\"code\":\"MS\",\"name\":\"Mystery shopping\",\"weightBasisPoints\":10000,"
                        + "\"source\":{\"inspectionScore\":{\"kind\":\"MYSTERY_SHOPPING\",\"authorityWeights\":"
                        + "[{\"level\":\"PROVINCIAL\",\"weightBasisPoints\":10000}]}},\"mapping\":{\"direct\":{}}}],"
                        + "\"missingSourcePolicy\":\"INSUFFICIENT_DATA\",\"baseScore\":100,"
                        + "\"gradeBands\":[{\"grade\":\"A\",\"minScore\":0}]}]}")
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(200)
                .body("entries[0].kind", equalTo("scoring_model"));
        LoadScoringCatalogueRequest sent = Backend.received(LoadScoringCatalogueRequest.class);
        assertEquals(
                UnitType.UNIT_TYPE_HOTLINE,
                sent.getCatalogue().getScoringModels(0).getUnitType());
        assertEquals(
                10000,
                sent.getCatalogue()
                        .getScoringModels(0)
                        .getComponents(0)
                        .getSource()
                        .getInspectionScore()
                        .getAuthorityWeights(0)
                        .getWeightBasisPoints());

        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"scoringModels\":[{\"code\":\"A\"},{\"components\":[{\"mapping\":"
                        + "{\"direct\":{},\"target\":{}}}]}]}")
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scoringModels[1].components[0].mapping"));
        Backend.fail(
                LoadScoringCatalogueRequest.class,
                Statuses.invalid("catalogue.scoring_models[0].grade_bands", "must reach 0"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"scoringModels\":[{\"code\":\"A\"}]}")
                .when()
                .post("/api/v1/scoringCatalogue:load")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scoringModels[0].gradeBands"));
    }
}
