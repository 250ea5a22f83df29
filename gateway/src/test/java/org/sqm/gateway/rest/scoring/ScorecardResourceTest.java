package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.ChildScore;
import org.sqm.proto.scoring.v1.ComponentScore;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.DeductionApplied;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.InputKind;
import org.sqm.proto.scoring.v1.InputRef;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.ListScorecardsRequest;
import org.sqm.proto.scoring.v1.ListScorecardsResponse;
import org.sqm.proto.scoring.v1.RecomputeScorecardsMetadata;
import org.sqm.proto.scoring.v1.RecomputeScorecardsRequest;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.SubPeriodScore;
import org.sqm.proto.scoring.v1.TrendPoint;
import org.sqm.proto.standards.v1.UnitType;

@QuarkusTest
class ScorecardResourceTest extends FakeBackendTest {

    /** A hall's March: 50 % province (80) + 50 % city (90) mystery shopping, one late report. */
    static final Scorecard MARCH = Scorecard.newBuilder()
            .setId("sc1")
            .setUnitId("u1")
            .setUnitCode("HALL-SZ-001")
            .setUnitName("Futian service hall")
            .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
            .setParentUnitId("u0")
            .setLevel(2)
            .setPeriod("2026-03")
            .setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED)
            .setModelId("m1")
            .setModelCode("SERVICE_HALL")
            .setModelVersion(1)
            .addComponents(ComponentScore.newBuilder()
                    .setCode("MYSTERY_SHOPPING")
                    .setName("Mystery shopping")
                    .setSource(ComponentSource.newBuilder()
                            .setInspectionScore(InspectionScoreSource.newBuilder()
                                    .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                                    .addAuthorityWeights(AuthorityWeight.newBuilder()
                                            .setLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                                            .setWeightBasisPoints(5000))))
                    .setWeightBasisPoints(7000)
                    .setPresent(true)
                    .setRawValue(85.0)
                    .setMappedValue(85.0)
                    .setMappingRule("direct: 85.0")
                    .setEffectiveWeightPercent(100.0)
                    .setContribution(85.0)
                    .addInputs(InputRef.newBuilder()
                            .setKind(InputKind.INPUT_KIND_INSPECTION)
                            .setId("i1")
                            .setValue(80.0)
                            .setDetail("PROVINCIAL, score 80.0"))
                    .addInputs(InputRef.newBuilder()
                            .setKind(InputKind.INPUT_KIND_INSPECTION)
                            .setId("i2")
                            .setValue(90.0)
                            .setDetail("CITY, score 90.0")))
            .addComponents(ComponentScore.newBuilder()
                    .setCode("SATISFACTION")
                    .setName("Satisfaction")
                    .setWeightBasisPoints(3000)
                    .setPresent(false)
                    .setMissingReason("no survey responses in 2026-03")
                    .setMappingRule("target 95, floor 80"))
            .setWeightedScore(85.0)
            .setBaseScore(100)
            .addDeductions(DeductionApplied.newBuilder()
                    .setViolationId("v1")
                    .setRuleCode("REPORT_LATE")
                    .setPoints(0.5)
                    .setOccurredTime(at("2026-03-09T02:00:00Z")))
            .setDeductionPoints(0.5)
            .setScore(84.5)
            .setGrade("B")
            .setInputsFingerprint("ab12")
            .setExplanation("{\"unitId\":\"u1\",\"period\":\"2026-03\"}")
            .setOperation("operations/op1")
            .setComputeTime(at("2026-04-01T01:00:00Z"))
            .build();

    @Test
    void aRecomputeAnswers202WithTheOperationAndItsLocation() {
        Backend.answer(
                RecomputeScorecardsRequest.class,
                Operation.newBuilder()
                        .setName("operations/op1")
                        .setMetadata(Any.pack(RecomputeScorecardsMetadata.newBuilder()
                                .setPeriod("2026-03")
                                .setStage("reading inputs")
                                .setUnitsTotal(10000)
                                .setStartTime(at("2026-04-01T01:00:00Z"))
                                .build()))
                        .build());
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"period\":\"2026-03\"}")
                .when()
                .post("/api/v1/scorecards:recompute")
                .then()
                .statusCode(202)
                .header("Location", endsWith("/api/v1/operations/op1"))
                .body("name", equalTo("operations/op1"))
                .body("done", equalTo(false))
                .body("metadata.period", equalTo("2026-03"))
                .body("metadata.stage", equalTo("reading inputs"))
                .body("metadata.unitsTotal", equalTo(10000))
                .body("metadata.unitsDone", equalTo(0))
                .body("metadata.progressPercent", equalTo(0))
                .body("metadata.startTime", equalTo("2026-04-01T01:00:00Z"))
                .body("metadata.endTime", nullValue())
                .body("metadata.cancelRequested", equalTo(false))
                .body("response", nullValue())
                .body("error", nullValue());
        assertEquals(
                "2026-03", Backend.received(RecomputeScorecardsRequest.class).getPeriod());
    }

    @Test
    void aBadPeriodIs400NamingPeriodAndAPeriodWithoutModelsIs409() {
        for (String body : new String[] {"{\"period\":\"March\"}", "{\"period\":\"2026-13\"}", "{}"}) {
            given().urlEncodingEnabled(false)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/scorecards:recompute")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("period"));
        }
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .when()
                .post("/api/v1/scorecards:recompute")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertTrue(Backend.requests(RecomputeScorecardsRequest.class).isEmpty());

        Backend.fail(
                RecomputeScorecardsRequest.class,
                Statuses.status(
                        Code.INVALID_ARGUMENT,
                        "PERIOD_NOT_CLOSED",
                        "2026-Q2 ends on 2026-07-01",
                        com.google.rpc.BadRequest.newBuilder()
                                .addFieldViolations(com.google.rpc.BadRequest.FieldViolation.newBuilder()
                                        .setField("period")
                                        .setDescription("has not ended: it ends on 2026-07-01"))
                                .build()));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"period\":\"2026-Q2\"}")
                .when()
                .post("/api/v1/scorecards:recompute")
                .then()
                .statusCode(400)
                .body("reason", equalTo("PERIOD_NOT_CLOSED"))
                .body("errors[0].field", equalTo("period"));
        Backend.fail(
                RecomputeScorecardsRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "NO_PUBLISHED_MODEL", "no scoring model is published"));
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"period\":\"2026\"}")
                .when()
                .post("/api/v1/scorecards:recompute")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("NO_PUBLISHED_MODEL"));
    }

    @Test
    void aUnitsScorecardIsExplainedPointByPoint() {
        Backend.answer(GetScorecardRequest.class, MARCH);
        given().when()
                .get("/api/v1/units/u1/scorecards/2026-03")
                .then()
                .statusCode(200)
                .body("id", equalTo("sc1"))
                .body("unitType", equalTo("SERVICE_HALL"))
                .body("parentUnitId", equalTo("u0"))
                .body("level", equalTo(2))
                .body("status", equalTo("SCORED"))
                .body("modelVersion", equalTo(1))
                .body("components.code", contains("MYSTERY_SHOPPING", "SATISFACTION"))
                .body("components[0].source.inspectionScore.kind", equalTo("MYSTERY_SHOPPING"))
                .body("components[0].present", equalTo(true))
                .body("components[0].rawValue", equalTo(85.0f))
                .body("components[0].effectiveWeightPercent", equalTo(100.0f))
                .body("components[0].inputs.kind", contains("INSPECTION", "INSPECTION"))
                .body("components[0].inputs.id", contains("i1", "i2"))
                .body("components[0].inputs[1].detail", equalTo("CITY, score 90.0"))
                .body("components[1].present", equalTo(false))
                .body("components[1].missingReason", equalTo("no survey responses in 2026-03"))
                .body("components[1].rawValue", nullValue())
                .body("components[1].mappedValue", nullValue())
                .body("components[1]", not(org.hamcrest.Matchers.hasKey("source")))
                .body("deductions[0].violationId", equalTo("v1"))
                .body("deductions[0].points", equalTo(0.5f))
                .body("deductions[0].occurredTime", equalTo("2026-03-09T02:00:00Z"))
                .body("deductionPoints", equalTo(0.5f))
                .body("deductionCapped", equalTo(false))
                .body("weightedScore", equalTo(85.0f))
                .body("score", equalTo(84.5f))
                .body("grade", equalTo("B"))
                .body("children", equalTo(List.of()))
                .body("subPeriods", equalTo(List.of()))
                .body("inputsFingerprint", equalTo("ab12"))
                .body("explanation", equalTo("{\"unitId\":\"u1\",\"period\":\"2026-03\"}"))
                .body("operation", equalTo("operations/op1"))
                .body("computeTime", equalTo("2026-04-01T01:00:00Z"));
        GetScorecardRequest sent = Backend.received(GetScorecardRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertEquals("2026-03", sent.getPeriod());

        Backend.fail(
                GetScorecardRequest.class,
                Statuses.status(Code.NOT_FOUND, "SCORECARD_NOT_FOUND", "no scorecard of u1 for 2026-02"));
        given().when()
                .get("/api/v1/units/u1/scorecards/2026-02")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("SCORECARD_NOT_FOUND"));
        given().when()
                .get("/api/v1/units/u1/scorecards/last-month")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void rollUpsAndQuartersShowTheirChildrenAndMonthsAndInsufficientDataItsReasons() {
        Scorecard quarter = Scorecard.newBuilder()
                .setId("sc9")
                .setUnitId("u0")
                .setPeriod("2026-Q1")
                .setStatus(ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA)
                .addChildren(ChildScore.newBuilder()
                        .setUnitId("u1")
                        .setUnitCode("HALL-SZ-001")
                        .setScorecardId("sc1")
                        .setScore(84.5)
                        .setPresent(true)
                        .setCustomersServed(1200)
                        .setEffectiveWeightPercent(100)
                        .setContribution(84.5))
                .addSubPeriods(SubPeriodScore.newBuilder()
                        .setPeriod("2026-01")
                        .setPresent(false)
                        .setMissingReason("no score"))
                .addSubPeriods(SubPeriodScore.newBuilder()
                        .setPeriod("2026-02")
                        .setScorecardId("sc2")
                        .setScore(90)
                        .setPresent(true))
                .addInsufficientDataReasons("2026-01 has no score")
                .build();
        Backend.answer(GetScorecardRequest.class, quarter);
        given().when()
                .get("/api/v1/units/u0/scorecards/2026-Q1")
                .then()
                .statusCode(200)
                .body("status", equalTo("INSUFFICIENT_DATA"))
                .body("score", nullValue())
                .body("grade", nullValue())
                .body("weightedScore", nullValue())
                .body("children[0].customersServed", equalTo(1200))
                .body("children[0].score", equalTo(84.5f))
                .body("subPeriods.period", contains("2026-01", "2026-02"))
                .body("subPeriods[0].score", nullValue())
                .body("subPeriods[0].scorecardId", nullValue())
                .body("subPeriods[1].score", equalTo(90.0f))
                .body("insufficientDataReasons", contains("2026-01 has no score"));
    }

    @Test
    void aPeriodsScorecardsAreListedByUnitTypeLevelAndParent() {
        Backend.answer(
                ListScorecardsRequest.class,
                ListScorecardsResponse.newBuilder()
                        .addScorecards(MARCH)
                        .setNextPageToken("t2")
                        .build());
        given().queryParam("period", "2026-03")
                .queryParam("unitType", "SERVICE_HALL")
                .queryParam("level", 0)
                .queryParam("parentUnitId", "u0")
                .queryParam("pageSize", 20)
                .queryParam("pageToken", "t1")
                .when()
                .get("/api/v1/scorecards")
                .then()
                .statusCode(200)
                .body("items.id", contains("sc1"))
                .body("items[0].components[0].inputs.id", contains("i1", "i2"))
                .body("nextPageToken", equalTo("t2"));
        ListScorecardsRequest sent = Backend.received(ListScorecardsRequest.class);
        assertEquals("2026-03", sent.getPeriod());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, sent.getUnitType());
        assertTrue(sent.hasLevel());
        assertEquals(0, sent.getLevel());
        assertEquals("u0", sent.getParentUnitId());
        assertEquals(20, sent.getPageSize());
        assertEquals("t1", sent.getPageToken());

        given().queryParam("period", "2026-Q1")
                .when()
                .get("/api/v1/scorecards")
                .then()
                .statusCode(200);
        assertFalse(Backend.received(ListScorecardsRequest.class).hasLevel(), "no level: every level");

        String[][] cases = {
            {"period", "2026-03", "unitType", "SPACESHIP", "unitType"},
            {"period", "2026-03", "level", "-1", "level"},
            {"period", "2026-03", "level", "top", "level"},
            {"period", "2026-03", "pageSize", "-5", "pageSize"},
            {"period", "2026/03", "pageSize", "5", "period"},
            {"unitType", "HOTLINE", "pageSize", "5", "period"}
        };
        for (String[] bad : cases) {
            given().queryParam(bad[0], bad[1])
                    .queryParam(bad[2], bad[3])
                    .when()
                    .get("/api/v1/scorecards")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad[4]));
        }
        assertEquals(2, Backend.requests(ListScorecardsRequest.class).size());
    }

    @Test
    void aUnitsTrendListsTheLastPeriodsWithAndWithoutScorecards() {
        Backend.answer(
                GetScoreTrendRequest.class,
                ScoreTrend.newBuilder()
                        .setUnitId("u1")
                        .addPoints(TrendPoint.newBuilder().setPeriod("2026-04"))
                        .addPoints(TrendPoint.newBuilder().setPeriod("2026-05").setSatisfactionIndex(0))
                        .addPoints(TrendPoint.newBuilder()
                                .setPeriod("2026-06")
                                .setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED)
                                .setScore(91.25)
                                .setGrade("A")
                                .setModelId("m1")
                                .setModelVersion(2)
                                .setScorecardId("sc6")
                                .setSatisfactionIndex(78.5))
                        .build());
        given().queryParam("period", "2026-06")
                .queryParam("count", 3)
                .when()
                .get("/api/v1/units/u1/scoreTrend")
                .then()
                .statusCode(200)
                .body("unitId", equalTo("u1"))
                .body("points.period", contains("2026-04", "2026-05", "2026-06"))
                .body("points[0].keySet()", contains("period"))
                // An index of 0 is an index (every response at the bottom of the scale), not an absent one.
                .body("points[1].keySet()", containsInAnyOrder("period", "satisfactionIndex"))
                .body("points[1].satisfactionIndex", equalTo(0.0f))
                .body("points[2].status", equalTo("SCORED"))
                .body("points[2].score", equalTo(91.25f))
                .body("points[2].modelVersion", equalTo(2))
                .body("points[2].scorecardId", equalTo("sc6"))
                .body("points[2].satisfactionIndex", equalTo(78.5f));
        GetScoreTrendRequest sent = Backend.received(GetScoreTrendRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertEquals("2026-06", sent.getPeriod());
        assertEquals(3, sent.getCount());

        given().queryParam("period", "2026-Q2")
                .when()
                .get("/api/v1/units/u1/scoreTrend")
                .then()
                .statusCode(200);
        assertEquals(0, Backend.received(GetScoreTrendRequest.class).getCount(), "absent: the service's default");

        for (String[] bad :
                new String[][] {{"count", "0", "count"}, {"count", "six", "count"}, {"count", "3", "period"}}) {
            given().queryParam(bad[0], bad[1])
                    .when()
                    .get("/api/v1/units/u1/scoreTrend")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo(bad[2]));
        }
        Backend.fail(GetScoreTrendRequest.class, Statuses.invalid("count", "must be between 1 and 60"));
        given().queryParam("period", "2026-06")
                .queryParam("count", 61)
                .when()
                .get("/api/v1/units/u1/scoreTrend")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("count"));
    }

    @Test
    void aTrendAskedToBringsTheLatestScorecardWhole() {
        Backend.answer(
                GetScoreTrendRequest.class,
                ScoreTrend.newBuilder()
                        .setUnitId("u1")
                        .addPoints(TrendPoint.newBuilder()
                                .setPeriod("2026-05")
                                .setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED)
                                .setScore(88)
                                .setScorecardId("sc5"))
                        .addPoints(TrendPoint.newBuilder().setPeriod("2026-06"))
                        .setLatestScorecard(Scorecard.newBuilder()
                                .setId("sc5")
                                .setUnitId("u1")
                                .setPeriod("2026-05")
                                .setStatus(ScorecardStatus.SCORECARD_STATUS_SCORED)
                                .setScore(88)
                                .setGrade("B"))
                        .build());
        given().queryParam("period", "2026-06")
                .queryParam("count", 2)
                .queryParam("includeLatestScorecard", "true")
                .when()
                .get("/api/v1/units/u1/scoreTrend")
                .then()
                .statusCode(200)
                .body("points.period", contains("2026-05", "2026-06"))
                .body("latestScorecard.id", equalTo("sc5"))
                .body("latestScorecard.period", equalTo("2026-05"))
                .body("latestScorecard.score", equalTo(88.0f))
                .body("latestScorecard.grade", equalTo("B"));
        assertTrue(Backend.received(GetScoreTrendRequest.class).getIncludeLatestScorecard());

        Backend.answer(
                GetScoreTrendRequest.class,
                ScoreTrend.newBuilder()
                        .setUnitId("u1")
                        .addPoints(TrendPoint.newBuilder().setPeriod("2026-06"))
                        .build());
        given().queryParam("period", "2026-06")
                .when()
                .get("/api/v1/units/u1/scoreTrend")
                .then()
                .statusCode(200)
                .body("keySet()", containsInAnyOrder("unitId", "points"));
        assertFalse(Backend.received(GetScoreTrendRequest.class).getIncludeLatestScorecard(), "absent: not asked");
        given().queryParam("period", "2026-06")
                .queryParam("includeLatestScorecard", "yes")
                .when()
                .get("/api/v1/units/u1/scoreTrend")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("includeLatestScorecard"));
    }

    @Test
    void theOpenApiDocumentHasEveryScoringEndpoint() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/v1/scoringModels",
                                "/api/v1/scoringModels/{id}",
                                "/api/v1/scoringModels/{id}:{verb}",
                                "/api/v1/scorecards",
                                "/api/v1/scorecards:recompute",
                                "/api/v1/units/{unitId}/scorecards/{period}",
                                "/api/v1/units/{unitId}/scoreTrend",
                                "/api/v1/operations",
                                "/api/v1/operations/{id}",
                                "/api/v1/operations/{id}:cancel",
                                "/api/v1/operations/{id}:wait"))
                .body(
                        "paths.'/api/v1/scorecards:recompute'.post.responses.keySet()",
                        hasItems("202", "400", "409", "503"))
                .body(
                        "paths.'/api/v1/scorecards'.get.parameters.name",
                        hasItems("period", "unitType", "level", "parentUnitId", "pageSize", "pageToken"))
                .body("paths.'/api/v1/scoringModels/{id}'.patch.parameters.name", hasItems("If-Match"))
                .body("paths.'/api/v1/operations/{id}:wait'.post.parameters.name", hasItems("timeout"))
                .body("components.schemas.Operation.properties.keySet()", hasItems("name", "done", "metadata"))
                .body("components.schemas.Scorecard.properties.keySet()", hasItems("components", "explanation"))
                .body(
                        "components.schemas.TrendPoint.properties.satisfactionIndex.description",
                        containsString("absent when the period has no survey responses"));
    }
}
