package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.ComplaintTimelinessSource;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.CreateScoringModelRequest;
import org.sqm.proto.scoring.v1.DirectMapping;
import org.sqm.proto.scoring.v1.GetScoringModelRequest;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsResponse;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.PublishScoringModelRequest;
import org.sqm.proto.scoring.v1.RetireScoringModelRequest;
import org.sqm.proto.scoring.v1.RollUp;
import org.sqm.proto.scoring.v1.RollUpWeighting;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.SatisfactionIndexSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelState;
import org.sqm.proto.scoring.v1.SpotCheckSpec;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.proto.scoring.v1.TargetMapping;
import org.sqm.proto.scoring.v1.UpdateScoringModelRequest;
import org.sqm.proto.standards.v1.UnitType;

@QuarkusTest
class ScoringModelResourceTest extends FakeBackendTest {

    /** The control plan's service hall: mystery shopping 50 % province + 50 % city, and satisfaction. */
    static final ScoringModel HALL = ScoringModel.newBuilder()
            .setId("m1")
            .setCode("SERVICE_HALL")
            .setVersion(1)
            .setName("Service hall")
            .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
            .setState(ScoringModelState.SCORING_MODEL_STATE_DRAFT)
            .addComponents(ScoreComponent.newBuilder()
                    .setCode("MYSTERY_SHOPPING")
                    .setName("Mystery shopping")
                    .setWeightBasisPoints(6000)
                    .setSource(ComponentSource.newBuilder()
                            .setInspectionScore(InspectionScoreSource.newBuilder()
                                    .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                                    .addAuthorityWeights(AuthorityWeight.newBuilder()
                                            .setLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                                            .setWeightBasisPoints(5000))
                                    .addAuthorityWeights(AuthorityWeight.newBuilder()
                                            .setLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                                            .setWeightBasisPoints(5000))
                                    .setFailedCountsAsZero(true)))
                    .setMapping(ScoreMapping.newBuilder().setDirect(DirectMapping.getDefaultInstance())))
            .addComponents(ScoreComponent.newBuilder()
                    .setCode("SATISFACTION")
                    .setName("Satisfaction")
                    .setWeightBasisPoints(3000)
                    .setSource(ComponentSource.newBuilder()
                            .setSatisfactionIndex(SatisfactionIndexSource.newBuilder()
                                    .setSegment(CustomerSegment.CUSTOMER_SEGMENT_MOBILE)
                                    .setMinSample(30)))
                    .setMapping(ScoreMapping.newBuilder()
                            .setTarget(TargetMapping.newBuilder().setTarget(95).setFloor(80))))
            .addComponents(ScoreComponent.newBuilder()
                    .setCode("TIMELINESS")
                    .setName("Complaint timeliness")
                    .setWeightBasisPoints(1000)
                    .setSource(ComponentSource.newBuilder()
                            .setComplaintTimeliness(ComplaintTimelinessSource.getDefaultInstance()))
                    .setMapping(ScoreMapping.newBuilder().setDirect(DirectMapping.getDefaultInstance())))
            .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
            .addDeductionRuleCodes("REPORT_LATE")
            .setDeductionCapPoints(5)
            .setBaseScore(100)
            .addGradeBands(GradeBand.newBuilder().setGrade("A").setMinScore(90))
            .addGradeBands(GradeBand.newBuilder().setGrade("B").setMinScore(0))
            .setEtag("e1")
            .setCreateTime(at("2026-04-01T08:00:00Z"))
            .build();

    static final String HALL_BODY =
            "{\"code\":\"SERVICE_HALL\",\"name\":\"Service hall\",\"unitType\":\"SERVICE_HALL\","
                    + "\"components\":["
                    + "{\"code\":\"MYSTERY_SHOPPING\",\"name\":\"Mystery shopping\",\"weightBasisPoints\":6000,"
                    + "\"source\":{\"inspectionScore\":{\"kind\":\"MYSTERY_SHOPPING\",\"authorityWeights\":["
                    + "{\"level\":\"PROVINCIAL\",\"weightBasisPoints\":5000},{\"level\":\"CITY\",\"weightBasisPoints\":5000}],"
                    + "\"failedCountsAsZero\":true}},\"mapping\":{\"direct\":{}}},"
                    + "{\"code\":\"SATISFACTION\",\"name\":\"Satisfaction\",\"weightBasisPoints\":3000,"
                    + "\"source\":{\"satisfactionIndex\":{\"segment\":\"MOBILE\",\"minSample\":30}},"
                    + "\"mapping\":{\"target\":{\"target\":95,\"floor\":80}}},"
                    + "{\"code\":\"TIMELINESS\",\"name\":\"Complaint timeliness\",\"weightBasisPoints\":1000,"
                    + "\"source\":{\"complaintTimeliness\":{}},\"mapping\":{\"direct\":{}}}],"
                    + "\"missingSourcePolicy\":\"RESPREAD\",\"deductionRuleCodes\":[\"REPORT_LATE\"],\"deductionCapPoints\":5,"
                    + "\"baseScore\":100,\"gradeBands\":[{\"grade\":\"A\",\"minScore\":90},{\"grade\":\"B\",\"minScore\":0}]}";

    @Test
    void aDraftIsCreatedFromRestJsonAndShownInIt() {
        Backend.answer(CreateScoringModelRequest.class, HALL);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k1")
                .body(HALL_BODY)
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/scoringModels/m1"))
                .header("ETag", "\"e1\"")
                .body("state", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("unitType", equalTo("SERVICE_HALL"))
                .body("missingSourcePolicy", equalTo("RESPREAD"))
                .body("components[0].source.inspectionScore.kind", equalTo("MYSTERY_SHOPPING"))
                .body("components[0].source.inspectionScore.authorityWeights.level", contains("PROVINCIAL", "CITY"))
                .body("components[0].source.inspectionScore.failedCountsAsZero", equalTo(true))
                .body("components[0].source.satisfactionIndex", nullValue())
                .body("components[0].mapping.direct", equalTo(java.util.Map.of()))
                .body("components[1].source.satisfactionIndex.segment", equalTo("MOBILE"))
                .body("components[1].mapping.target.target", equalTo(95.0f))
                .body("components[1].mapping.target.floor", equalTo(80.0f))
                .body("components[2].source.complaintTimeliness", equalTo(java.util.Map.of()))
                .body("deductionCapPoints", equalTo(5.0f))
                .body("gradeBands.grade", contains("A", "B"))
                .body("rollUp", nullValue())
                .body("publishTime", nullValue())
                .body("etag", equalTo("e1"));
        CreateScoringModelRequest sent = Backend.received(CreateScoringModelRequest.class);
        assertEquals("k1", sent.getRequestId());
        // The REST body is the proto model field for field, output-only fields aside.
        assertEquals(
                HALL.toBuilder()
                        .clearId()
                        .clearVersion()
                        .clearState()
                        .clearEtag()
                        .clearCreateTime()
                        .build(),
                sent.getScoringModel());
    }

    static final SpotCheckTrigger RATE_HIGH = SpotCheckTrigger.newBuilder()
            .setCode("COMPLAINT_RATE_HIGH")
            .setComplaintRateAboveUpperQuartile(
                    ComplaintRateAboveUpperQuartile.newBuilder().setConsecutiveMonths(2))
            .setSpotCheck(SpotCheckSpec.newBuilder()
                    .setStandardCode("SQM-HALL-HOTLINE")
                    .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                    .setWindowDays(14))
            .build();

    static final SpotCheckTrigger DROP = SpotCheckTrigger.newBuilder()
            .setCode("SATISFACTION_DROP")
            .setSatisfactionIndexDrop(
                    SatisfactionIndexDrop.newBuilder().setPoints(10.5).setMinSample(30))
            .setSpotCheck(RATE_HIGH.getSpotCheck())
            .build();

    static final String TRIGGERS_JSON = "[{\"code\":\"COMPLAINT_RATE_HIGH\","
            + "\"complaintRateAboveUpperQuartile\":{\"consecutiveMonths\":2},\"spotCheck\":"
            + "{\"standardCode\":\"SQM-HALL-HOTLINE\",\"authorityLevel\":\"CITY\",\"windowDays\":14}},"
            + "{\"code\":\"SATISFACTION_DROP\",\"satisfactionIndexDrop\":{\"points\":10.5,\"minSample\":30},"
            + "\"spotCheck\":{\"standardCode\":\"SQM-HALL-HOTLINE\",\"authorityLevel\":\"CITY\",\"windowDays\":14}}]";

    @Test
    void spotCheckTriggersPassThroughBothWays() {
        ScoringModel withTriggers = HALL.toBuilder()
                .addSpotCheckTriggers(RATE_HIGH)
                .addSpotCheckTriggers(DROP)
                .build();
        Backend.answer(CreateScoringModelRequest.class, withTriggers);
        given().contentType(ContentType.JSON)
                .body(HALL_BODY.substring(0, HALL_BODY.length() - 1) + ",\"spotCheckTriggers\":" + TRIGGERS_JSON + "}")
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(201)
                .body("spotCheckTriggers.code", contains("COMPLAINT_RATE_HIGH", "SATISFACTION_DROP"))
                .body("spotCheckTriggers[0].complaintRateAboveUpperQuartile.consecutiveMonths", equalTo(2))
                .body("spotCheckTriggers[0].satisfactionIndexDrop", nullValue())
                .body("spotCheckTriggers[1].satisfactionIndexDrop.points", equalTo(10.5f))
                .body("spotCheckTriggers[1].spotCheck.authorityLevel", equalTo("CITY"))
                .body("spotCheckTriggers[1].spotCheck.windowDays", equalTo(14));
        assertEquals(
                List.of(RATE_HIGH, DROP),
                Backend.received(CreateScoringModelRequest.class)
                        .getScoringModel()
                        .getSpotCheckTriggersList());

        Backend.answer(UpdateScoringModelRequest.class, withTriggers);
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"e1\"")
                .body("{\"spotCheckTriggers\":" + TRIGGERS_JSON + "}")
                .when()
                .patch("/api/v1/scoringModels/m1")
                .then()
                .statusCode(200);
        UpdateScoringModelRequest sent = Backend.received(UpdateScoringModelRequest.class);
        assertEquals(List.of("spot_check_triggers"), sent.getUpdateMask().getPathsList());
        assertEquals(List.of(RATE_HIGH, DROP), sent.getScoringModel().getSpotCheckTriggersList());

        given().contentType(ContentType.JSON)
                .body(HALL_BODY.substring(0, HALL_BODY.length() - 1)
                        + ",\"spotCheckTriggers\":[{\"code\":\"BOTH\",\"complaintRateAboveUpperQuartile\":{},"
                        + "\"satisfactionIndexDrop\":{}}]}")
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("spotCheckTriggers[0]"));
    }

    @Test
    void aRollUpModelHasNoComponentsAndNoCap() {
        ScoringModel branch = ScoringModel.newBuilder()
                .setId("m2")
                .setCode("CITY_BRANCH")
                .setVersion(1)
                .setUnitType(UnitType.UNIT_TYPE_CITY_BRANCH)
                .setState(ScoringModelState.SCORING_MODEL_STATE_DRAFT)
                .setRollUp(RollUp.newBuilder().setWeighting(RollUpWeighting.ROLL_UP_WEIGHTING_CUSTOMERS_SERVED))
                .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA)
                .setBaseScore(100)
                .setEtag("e1")
                .build();
        Backend.answer(CreateScoringModelRequest.class, branch);
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"CITY_BRANCH\",\"name\":\"City branch\",\"unitType\":\"CITY_BRANCH\","
                        + "\"rollUp\":{\"weighting\":\"CUSTOMERS_SERVED\"},\"missingSourcePolicy\":\"INSUFFICIENT_DATA\","
                        + "\"baseScore\":100,\"gradeBands\":[{\"grade\":\"A\",\"minScore\":0}]}")
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(201)
                .body("rollUp.weighting", equalTo("CUSTOMERS_SERVED"))
                .body("missingSourcePolicy", equalTo("INSUFFICIENT_DATA"))
                .body("components", equalTo(List.of()))
                .body("deductionCapPoints", nullValue());
        ScoringModel sent = Backend.received(CreateScoringModelRequest.class).getScoringModel();
        assertEquals(
                RollUpWeighting.ROLL_UP_WEIGHTING_CUSTOMERS_SERVED,
                sent.getRollUp().getWeighting());
        assertFalse(sent.hasDeductionCapPoints());
        assertEquals(0, sent.getComponentsCount());
    }

    @Test
    void badModelsAreProblemsNamingRestFields() {
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"unitType\":\"SPACESHIP\"}")
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("unitType"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"components\":[{\"code\":\"C\",\"source\":{\"complaintRate\":{},"
                        + "\"callBackCoverage\":{}}}]}")
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("components[0].source"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"components\":[{\"source\":{\"inspectionScore\":{\"authorityWeights\":[{\"level\":\"GALACTIC\"}]}}}]}")
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("components[0].source.inspectionScore.authorityWeights[0].level"));
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertTrue(Backend.requests(CreateScoringModelRequest.class).isEmpty());

        // An absent source stays unset: the service names it.
        Backend.fail(
                CreateScoringModelRequest.class,
                Statuses.invalid(
                        "scoring_model.components[0].source", "is required",
                        "scoring_model.components[1].weight_basis_points", "the weights add up to 9000, not 10000"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"X\",\"components\":[{\"code\":\"C\",\"source\":{}},{\"code\":\"D\"}]}")
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components[0].source", "components[1].weightBasisPoints"));
        assertFalse(Backend.received(CreateScoringModelRequest.class)
                .getScoringModel()
                .getComponents(0)
                .hasSource());

        Backend.fail(
                CreateScoringModelRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "DRAFT_ALREADY_EXISTS", "SERVICE_HALL has a draft"));
        given().contentType(ContentType.JSON)
                .body(HALL_BODY)
                .when()
                .post("/api/v1/scoringModels")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("DRAFT_ALREADY_EXISTS"));
    }

    @Test
    void aVersionIsReadWithItsEtagAndAMissingOneIs404() {
        Backend.answer(GetScoringModelRequest.class, HALL);
        given().when()
                .get("/api/v1/scoringModels/m1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e1\"")
                .body("code", equalTo("SERVICE_HALL"))
                .body("createTime", equalTo("2026-04-01T08:00:00Z"));
        assertEquals("m1", Backend.received(GetScoringModelRequest.class).getId());
        Backend.fail(
                GetScoringModelRequest.class,
                Statuses.status(Code.NOT_FOUND, "SCORING_MODEL_NOT_FOUND", "no model m9"));
        given().when()
                .get("/api/v1/scoringModels/m9")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("reason", equalTo("SCORING_MODEL_NOT_FOUND"));
    }

    @Test
    void theListFiltersByCodeUnitTypeAndStateAndPages() {
        Backend.answer(
                ListScoringModelsRequest.class,
                ListScoringModelsResponse.newBuilder()
                        .addScoringModels(HALL)
                        .setNextPageToken("t2")
                        .build());
        given().queryParam("code", "SERVICE_HALL")
                .queryParam("unitType", "SERVICE_HALL")
                .queryParam("state", "PUBLISHED")
                .queryParam("pageSize", 5)
                .queryParam("pageToken", "t1")
                .when()
                .get("/api/v1/scoringModels")
                .then()
                .statusCode(200)
                .body("items.id", contains("m1"))
                .body("nextPageToken", equalTo("t2"));
        ListScoringModelsRequest sent = Backend.received(ListScoringModelsRequest.class);
        assertEquals("SERVICE_HALL", sent.getCode());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, sent.getUnitType());
        assertEquals(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED, sent.getState());
        assertEquals(5, sent.getPageSize());
        assertEquals("t1", sent.getPageToken());

        for (String[] bad : new String[][] {{"unitType", "SPACESHIP"}, {"state", "FROZEN"}, {"pageSize", "-1"}}) {
            given().queryParam(bad[0], bad[1])
                    .when()
                    .get("/api/v1/scoringModels")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad[0]));
        }
        assertEquals(1, Backend.requests(ListScoringModelsRequest.class).size());
    }

    @Test
    void aDraftChangesByMergePatchWithIfMatch() {
        Backend.answer(
                UpdateScoringModelRequest.class, HALL.toBuilder().setEtag("e2").build());
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"e1\"")
                .body("{\"name\":\"Service hall 2026\",\"deductionCapPoints\":null,\"missingSourcePolicy\":"
                        + "\"INSUFFICIENT_DATA\",\"gradeBands\":[{\"grade\":\"Pass\",\"minScore\":0}],"
                        + "\"components\":[{\"code\":\"RATE\",\"weightBasisPoints\":10000,"
                        + "\"source\":{\"complaintRate\":{}},\"mapping\":{\"target\":{\"target\":5,\"floor\":20}}}]}")
                .when()
                .patch("/api/v1/scoringModels/m1")
                .then()
                .statusCode(200)
                .header("ETag", "\"e2\"");
        UpdateScoringModelRequest sent = Backend.received(UpdateScoringModelRequest.class);
        assertEquals(
                List.of("name", "deduction_cap_points", "missing_source_policy", "grade_bands", "components"),
                sent.getUpdateMask().getPathsList());
        assertEquals("m1", sent.getScoringModel().getId());
        assertEquals("e1", sent.getScoringModel().getEtag());
        assertFalse(sent.getScoringModel().hasDeductionCapPoints());
        assertEquals(
                MissingSourcePolicy.MISSING_SOURCE_POLICY_INSUFFICIENT_DATA,
                sent.getScoringModel().getMissingSourcePolicy());
        assertTrue(sent.getScoringModel().getComponents(0).getSource().hasComplaintRate());
        assertEquals(
                20.0,
                sent.getScoringModel().getComponents(0).getMapping().getTarget().getFloor());
        assertEquals("Pass", sent.getScoringModel().getGradeBands(0).getGrade());
    }

    @Test
    void badMergePatchesAreProblemsNamingTheField() {
        String[][] cases = {
            {"{\"code\":\"OTHER\"}", "code"},
            {"{\"unitType\":\"HOTLINE\"}", "unitType"},
            {"{\"components\":\"all of them\"}", "components"},
            {
                "{\"components\":[{\"mapping\":{\"direct\":{},\"target\":{\"target\":1,\"floor\":0}}}]}",
                "components[0].mapping"
            },
            {"{\"missingSourcePolicy\":\"SOMETIMES\"}", "missingSourcePolicy"},
            {"{\"rollUp\":{\"weighting\":\"BY_HEIGHT\"}}", "rollUp.weighting"},
            {"{\"baseScore\":\"a lot\"}", "baseScore"},
            {"{}", "body"},
            {"[]", "body"}
        };
        for (String[] bad : cases) {
            given().contentType(ContentType.JSON)
                    .header("If-Match", "\"e1\"")
                    .body(bad[0])
                    .when()
                    .patch("/api/v1/scoringModels/m1")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad[1]));
        }
        assertTrue(Backend.requests(UpdateScoringModelRequest.class).isEmpty());
        Backend.fail(
                UpdateScoringModelRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "MODEL_NOT_DRAFT", "version 1 is published"));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"e1\"")
                .body("{\"name\":\"x\"}")
                .when()
                .patch("/api/v1/scoringModels/m1")
                .then()
                .statusCode(409)
                .body("reason", equalTo("MODEL_NOT_DRAFT"));
    }

    @Test
    void publishAndRetireAreStateChangesWithIfMatch() {
        Backend.answer(
                PublishScoringModelRequest.class,
                HALL.toBuilder()
                        .setState(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED)
                        .setPublishTime(at("2026-04-02T00:00:00Z"))
                        .setEtag("e2")
                        .build());
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e1\"")
                .when()
                .post("/api/v1/scoringModels/m1:publish")
                .then()
                .statusCode(200)
                .header("ETag", "\"e2\"")
                .body("state", equalTo("PUBLISHED"))
                .body("publishTime", equalTo("2026-04-02T00:00:00Z"));
        PublishScoringModelRequest published = Backend.received(PublishScoringModelRequest.class);
        assertEquals("m1", published.getId());
        assertEquals("e1", published.getEtag());

        Backend.fail(
                RetireScoringModelRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "MODEL_NOT_PUBLISHED", "m1 is a draft"));
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e2\"")
                .when()
                .post("/api/v1/scoringModels/m1:retire")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("reason", equalTo("MODEL_NOT_PUBLISHED"));
        assertEquals("e2", Backend.received(RetireScoringModelRequest.class).getEtag());

        Backend.fail(PublishScoringModelRequest.class, Statuses.status(Code.ABORTED, "ETAG_MISMATCH", "stale"));
        given().urlEncodingEnabled(false)
                .header("If-Match", "\"e0\"")
                .when()
                .post("/api/v1/scoringModels/m1:publish")
                .then()
                .statusCode(409)
                .body("reason", equalTo("ETAG_MISMATCH"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/scoringModels/m1:freeze")
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }
}
