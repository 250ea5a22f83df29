package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceRequest;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceResponse;
import org.sqm.proto.scoring.v1.PerformanceMeasure;
import org.sqm.proto.scoring.v1.PerformancePublication;
import org.sqm.proto.scoring.v1.PublishPerformanceRequest;
import org.sqm.proto.scoring.v1.PublishedFigure;
import org.sqm.proto.scoring.v1.PublishedPerformance;
import org.sqm.proto.standards.v1.UnitType;

@QuarkusTest
class PublishedPerformanceResourceTest extends FakeBackendTest {

    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    static final PerformancePublication MARCH = PerformancePublication.newBuilder()
            .setPeriod("2026-03")
            .setPublishTime(at("2026-04-02T08:00:00Z"))
            .setActor("regulator-desk")
            .setUnitCount(2)
            .setFingerprint("ab".repeat(32))
            .build();

    /** A hall meeting its index target, missing its rate target, without a measurement of its calls. */
    static final PublishedPerformance HALL = PublishedPerformance.newBuilder()
            .setPeriod("2026-03")
            .setUnitId("u1")
            .setUnitCode("HALL-SZ-001")
            .setUnitName("Futian, \"flagship\" hall")
            .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
            .setLevel(2)
            .setParentUnitId("u0")
            .setScorecardId("sc1")
            .setModelId("m1")
            .addFigures(PublishedFigure.newBuilder()
                    .setMeasure(PerformanceMeasure.PERFORMANCE_MEASURE_SATISFACTION_INDEX)
                    .setName("Satisfaction index")
                    .setAchieved(86.25)
                    .setSampleSize(120)
                    .setTarget(80)
                    .setTargetMet(true))
            .addFigures(PublishedFigure.newBuilder()
                    .setMeasure(PerformanceMeasure.PERFORMANCE_MEASURE_COMPLAINT_RATE)
                    .setName("Complaint rate")
                    .setAchieved(30.0)
                    .setSampleSize(4000)
                    .setTarget(20)
                    .setTargetMet(false))
            .addFigures(PublishedFigure.newBuilder()
                    .setMeasure(PerformanceMeasure.PERFORMANCE_MEASURE_INDICATOR)
                    .setIndicatorCode("CALLS_20S")
                    .setName("Calls answered within 20 seconds")
                    .setTarget(90)
                    .setNote("no measurement in the period"))
            .build();

    static final PublishedPerformance CITY = PublishedPerformance.newBuilder()
            .setPeriod("2026-03")
            .setUnitId("u0")
            .setUnitCode("CITY-SZ")
            .setUnitName("Shenzhen")
            .setUnitType(UnitType.UNIT_TYPE_CITY_BRANCH)
            .setLevel(1)
            .setScorecardId("sc0")
            .setModelId("m0")
            .addFigures(PublishedFigure.newBuilder()
                    .setMeasure(PerformanceMeasure.PERFORMANCE_MEASURE_COMPLAINT_TIMELINESS)
                    .setName("Complaint timeliness")
                    .setSampleSize(0)
                    .setNote("no complaint received in the period was resolved, nor reopened"))
            .build();

    @Test
    void publishingAnswersThePublicationAndSendsTheActor() {
        Backend.answer(PublishPerformanceRequest.class, MARCH);
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/publishedPerformance/2026-03:publish")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("period", equalTo("2026-03"))
                .body("publishTime", equalTo("2026-04-02T08:00:00Z"))
                .body("actor", equalTo("regulator-desk"))
                .body("unitCount", equalTo(2))
                .body("fingerprint", equalTo("ab".repeat(32)));
        PublishPerformanceRequest sent = Backend.received(PublishPerformanceRequest.class);
        assertEquals("2026-03", sent.getPeriod());
        assertEquals("", sent.getActor());

        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/publishedPerformance/2026-03:publish")
                .then()
                .statusCode(200);
        assertEquals("", Backend.received(PublishPerformanceRequest.class).getActor(), "none: the service's api");
    }

    @Test
    void theFeedIsJsonPagesWithShortEnumNamesAndAbsentValuesLeftOut() {
        Backend.answer(
                ListPublishedPerformanceRequest.class,
                ListPublishedPerformanceResponse.newBuilder()
                        .setPublication(MARCH)
                        .addRows(HALL)
                        .setNextPageToken("next")
                        .build());
        given().config(DOUBLES)
                .queryParam("unitType", "SERVICE_HALL")
                .queryParam("parentUnitId", "u0")
                .queryParam("pageSize", 1)
                .queryParam("pageToken", "t1")
                .when()
                .get("/api/v1/publishedPerformance/2026-03")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("publication.fingerprint", equalTo("ab".repeat(32)))
                .body("nextPageToken", equalTo("next"))
                .body(
                        "rows[0].keySet()",
                        containsInAnyOrder(
                                "period",
                                "unitId",
                                "unitCode",
                                "unitName",
                                "unitType",
                                "level",
                                "parentUnitId",
                                "scorecardId",
                                "modelId",
                                "figures"))
                .body("rows[0].unitType", equalTo("SERVICE_HALL"))
                .body("rows[0].figures.measure", contains("SATISFACTION_INDEX", "COMPLAINT_RATE", "INDICATOR"))
                .body("rows[0].figures[0].achieved", equalTo(86.25))
                .body("rows[0].figures[0].sampleSize", equalTo(120))
                .body("rows[0].figures[0].target", equalTo(80.0))
                .body("rows[0].figures[0].targetMet", equalTo(true))
                .body("rows[0].figures[0].indicatorCode", nullValue())
                .body("rows[0].figures[0].note", nullValue())
                .body("rows[0].figures[1].targetMet", equalTo(false))
                .body("rows[0].figures[2].indicatorCode", equalTo("CALLS_20S"))
                .body("rows[0].figures[2].achieved", nullValue())
                .body("rows[0].figures[2].targetMet", nullValue())
                .body("rows[0].figures[2].note", equalTo("no measurement in the period"));
        ListPublishedPerformanceRequest sent = Backend.received(ListPublishedPerformanceRequest.class);
        assertEquals("2026-03", sent.getPeriod());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, sent.getUnitType());
        assertEquals("u0", sent.getParentUnitId());
        assertEquals(1, sent.getPageSize());
        assertEquals("t1", sent.getPageToken());
    }

    @Test
    void acceptTextCsvReadsEveryPageIntoALinePerUnitAndFigure() {
        Backend.answer(
                ListPublishedPerformanceRequest.class,
                ListPublishedPerformanceResponse.newBuilder()
                        .setPublication(MARCH)
                        .addRows(CITY)
                        .setNextPageToken("page2")
                        .build());
        Backend.answer(
                ListPublishedPerformanceRequest.class,
                ListPublishedPerformanceResponse.newBuilder()
                        .setPublication(MARCH)
                        .addRows(HALL)
                        .build());
        String csv = given().header("Accept", "text/csv")
                .queryParam("pageSize", 5)
                .when()
                .get("/api/v1/publishedPerformance/2026-03")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"published-performance-2026-03.csv\""))
                .extract()
                .asString();
        assertEquals(
                "period,unitCode,unitName,unitType,level,unitId,parentUnitId,measure,indicatorCode,name,achieved,"
                        + "sampleSize,target,targetMet,note\r\n"
                        + "2026-03,CITY-SZ,Shenzhen,CITY_BRANCH,1,u0,,COMPLAINT_TIMELINESS,,Complaint timeliness,,0,,,"
                        + "\"no complaint received in the period was resolved, nor reopened\"\r\n"
                        + "2026-03,HALL-SZ-001,\"Futian, \"\"flagship\"\" hall\",SERVICE_HALL,2,u1,u0,SATISFACTION_INDEX,,"
                        + "Satisfaction index,86.25,120,80.0,true,\r\n"
                        + "2026-03,HALL-SZ-001,\"Futian, \"\"flagship\"\" hall\",SERVICE_HALL,2,u1,u0,COMPLAINT_RATE,,"
                        + "Complaint rate,30.0,4000,20.0,false,\r\n"
                        + "2026-03,HALL-SZ-001,\"Futian, \"\"flagship\"\" hall\",SERVICE_HALL,2,u1,u0,INDICATOR,CALLS_20S,"
                        + "Calls answered within 20 seconds,,0,90.0,,no measurement in the period\r\n",
                csv);
        List<ListPublishedPerformanceRequest> sent = Backend.requests(ListPublishedPerformanceRequest.class);
        assertEquals(
                List.of("", "page2"),
                sent.stream().map(ListPublishedPerformanceRequest::getPageToken).toList());
        assertTrue(sent.stream().allMatch(r -> r.getPageSize() == 1000), "every row, in pages of 1000");
    }

    @Test
    void badInputIs400AndAnUnpublishedOrUnscoredPeriodIs409() {
        for (String accept : new String[] {"application/json", "text/csv"}) {
            given().header("Accept", accept)
                    .when()
                    .get("/api/v1/publishedPerformance/2026-13")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("period"));
            given().header("Accept", accept)
                    .queryParam("unitType", "SPACESHIP")
                    .when()
                    .get("/api/v1/publishedPerformance/2026-03")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("unitType"));
        }
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/publishedPerformance/2026-3:publish")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        assertTrue(Backend.requests(ListPublishedPerformanceRequest.class).isEmpty());
        assertTrue(Backend.requests(PublishPerformanceRequest.class).isEmpty());

        Backend.fail(
                ListPublishedPerformanceRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "PERIOD_NOT_PUBLISHED", "2026-03 is not published"));
        for (String accept : new String[] {"application/json", "text/csv"}) {
            given().header("Accept", accept)
                    .when()
                    .get("/api/v1/publishedPerformance/2026-03")
                    .then()
                    .statusCode(409)
                    .contentType(PROBLEM)
                    .body("reason", equalTo("PERIOD_NOT_PUBLISHED"));
        }
        Backend.fail(
                PublishPerformanceRequest.class,
                Statuses.status(Code.FAILED_PRECONDITION, "PERIOD_NOT_SCORED", "2026-03 has no scorecards"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/publishedPerformance/2026-03:publish")
                .then()
                .statusCode(409)
                .body("reason", equalTo("PERIOD_NOT_SCORED"));
        Backend.fail(PublishPerformanceRequest.class, Statuses.invalid("period", "has not ended"));
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/publishedPerformance/2026-11:publish")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("period"));
    }

    @Test
    void theOpenApiDocumentHasBothOperations() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/publishedPerformance/{period}'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/csv"))
                .body(
                        "paths.'/api/v1/publishedPerformance/{period}'.get.parameters.name",
                        hasItems("period", "unitType", "parentUnitId", "pageSize", "pageToken"))
                .body(
                        "paths.'/api/v1/publishedPerformance/{period}:publish'.post.responses.keySet()",
                        hasItems("200", "400", "409"))
                .body(
                        "components.schemas.PublishedFigure.properties.keySet()",
                        hasItems("measure", "achieved", "sampleSize", "target", "targetMet", "note"));
    }
}
