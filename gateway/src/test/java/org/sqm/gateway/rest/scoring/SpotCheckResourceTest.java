package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksRequest;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksResponse;
import org.sqm.proto.scoring.v1.TriggerFigure;
import org.sqm.proto.scoring.v1.TriggeredSpotCheck;
import org.sqm.proto.scoring.v1.TriggeredSpotCheckStatus;

@QuarkusTest
class SpotCheckResourceTest extends FakeBackendTest {

    static final TriggeredSpotCheck REQUESTED = TriggeredSpotCheck.newBuilder()
            .setId("t1")
            .setUnitId("u1")
            .setPeriod("2026-03")
            .setModelId("m1")
            .setTriggerCode("SATISFACTION_DROP")
            .setReason("satisfaction index fell by 12.25 points")
            .addFigures(TriggerFigure.newBuilder()
                    .setName("satisfaction index (all segments)")
                    .setPeriod("2026-02")
                    .setValue(82.35))
            .setStatus(TriggeredSpotCheckStatus.TRIGGERED_SPOT_CHECK_STATUS_REQUESTED)
            .setInspectionId("i1")
            .setFireTime(at("2026-04-01T08:00:00Z"))
            .setRequestTime(at("2026-04-01T08:00:01Z"))
            .build();

    static final TriggeredSpotCheck PENDING = REQUESTED.toBuilder()
            .setId("t2")
            .setStatus(TriggeredSpotCheckStatus.TRIGGERED_SPOT_CHECK_STATUS_PENDING)
            .clearInspectionId()
            .clearRequestTime()
            .build();

    @Test
    void theListPassesFiltersAndPagingAndShowsReasonFiguresAndStatus() {
        Backend.answer(
                ListTriggeredSpotChecksRequest.class,
                ListTriggeredSpotChecksResponse.newBuilder()
                        .addTriggeredSpotChecks(REQUESTED)
                        .addTriggeredSpotChecks(PENDING)
                        .setNextPageToken("more")
                        .build());
        given().config(io.restassured.RestAssured.config()
                        .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .queryParam("unitId", "u1")
                .queryParam("period", "2026-03")
                .queryParam("pageSize", 2)
                .queryParam("pageToken", "p1")
                .when()
                .get("/api/v1/spotChecks")
                .then()
                .statusCode(200)
                .body("items.id", contains("t1", "t2"))
                .body("items[0].status", equalTo("REQUESTED"))
                .body("items[0].inspectionId", equalTo("i1"))
                .body("items[0].reason", equalTo("satisfaction index fell by 12.25 points"))
                .body("items[0].figures[0].period", equalTo("2026-02"))
                .body("items[0].figures[0].value", equalTo(82.35))
                .body("items[0].fireTime", equalTo("2026-04-01T08:00:00Z"))
                .body("items[0].requestTime", equalTo("2026-04-01T08:00:01Z"))
                .body("items[1].status", equalTo("PENDING"))
                .body("items[1].inspectionId", nullValue())
                .body("items[1].requestTime", nullValue())
                .body("nextPageToken", equalTo("more"));
        ListTriggeredSpotChecksRequest sent = Backend.received(ListTriggeredSpotChecksRequest.class);
        assertEquals("u1", sent.getUnitId());
        assertEquals("2026-03", sent.getPeriod());
        assertEquals(2, sent.getPageSize());
        assertEquals("p1", sent.getPageToken());
    }

    @Test
    void aBadPeriodIsAProblemNamingTheField() {
        Backend.fail(
                ListTriggeredSpotChecksRequest.class,
                Statuses.invalid("period", "must be a month, e.g. 2026-03, or empty for every month"));
        given().queryParam("period", "2026-Q1")
                .when()
                .get("/api/v1/spotChecks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }
}
