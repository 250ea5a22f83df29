package org.sqm.gateway.rest.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.Code;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.sqm.gateway.fakes.Backend;
import org.sqm.gateway.fakes.FakeBackendTest;
import org.sqm.gateway.fakes.Statuses;
import org.sqm.proto.scoring.v1.ConfidenceInterval;
import org.sqm.proto.scoring.v1.DifferenceToAbove;
import org.sqm.proto.scoring.v1.GetLeagueTableRequest;
import org.sqm.proto.scoring.v1.LeagueMetric;
import org.sqm.proto.scoring.v1.LeagueRowStatus;
import org.sqm.proto.scoring.v1.LeagueTable;
import org.sqm.proto.scoring.v1.LeagueTableRow;
import org.sqm.proto.scoring.v1.Movement;
import org.sqm.proto.standards.v1.UnitType;

@QuarkusTest
class LeagueTableResourceTest extends FakeBackendTest {

    /** March's halls under u0 by satisfaction index: two ranked (the second with a quoted name), one short of data. */
    static final LeagueTable MARCH = LeagueTable.newBuilder()
            .setPeriod("2026-03")
            .setPreviousPeriod("2026-02")
            .setMetric(LeagueMetric.LEAGUE_METRIC_SATISFACTION_INDEX)
            .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
            .setLevel(3)
            .setParentUnitId("u0")
            .setRanked(2)
            .setInsufficientData(1)
            .addRows(LeagueTableRow.newBuilder()
                    .setRank(1)
                    .setStatus(LeagueRowStatus.LEAGUE_ROW_STATUS_RANKED)
                    .setUnitId("u1")
                    .setUnitCode("HALL-SZ-001")
                    .setUnitName("Futian service hall")
                    .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                    .setLevel(3)
                    .setParentUnitId("u0")
                    .setValue(91.5)
                    .setConfidenceInterval(
                            ConfidenceInterval.newBuilder().setLower(89.25).setUpper(93.75))
                    .setSampleSize(120)
                    .setGrade("A")
                    .setScorecardId("sc1")
                    .setPreviousRank(2)
                    .setPreviousValue(88.0)
                    .setMovement(Movement.MOVEMENT_UP)
                    .setDifferenceToAbove(DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE))
            .addRows(LeagueTableRow.newBuilder()
                    .setRank(2)
                    .setStatus(LeagueRowStatus.LEAGUE_ROW_STATUS_RANKED)
                    .setUnitId("u2")
                    .setUnitCode("HALL-SZ-002")
                    .setUnitName("Nanshan, \"flagship\" hall")
                    .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                    .setLevel(3)
                    .setParentUnitId("u0")
                    .setValue(80.0)
                    .setConfidenceInterval(
                            ConfidenceInterval.newBuilder().setLower(75.5).setUpper(84.5))
                    .setSampleSize(45)
                    .setGrade("B")
                    .setScorecardId("sc2")
                    .setMovement(Movement.MOVEMENT_NONE)
                    .setDifferenceToAbove(DifferenceToAbove.DIFFERENCE_TO_ABOVE_BEYOND_CONFIDENCE_INTERVAL))
            .addRows(LeagueTableRow.newBuilder()
                    .setStatus(LeagueRowStatus.LEAGUE_ROW_STATUS_INSUFFICIENT_DATA)
                    .setUnitId("u3")
                    .setUnitCode("HALL-SZ-003")
                    .setUnitName("Bao'an hall")
                    .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                    .setLevel(3)
                    .setParentUnitId("u0")
                    .setSampleSize(12)
                    .setScorecardId("sc3")
                    .setInsufficientDataReason("12 responses, fewer than the minimum sample of 30")
                    .setMovement(Movement.MOVEMENT_NONE)
                    .setDifferenceToAbove(DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE))
            .build();

    @Test
    void aLeagueTableIsRankedJsonWithShortEnumNames() {
        Backend.answer(GetLeagueTableRequest.class, MARCH);
        given().queryParam("period", "2026-03")
                .queryParam("unitType", "SERVICE_HALL")
                .queryParam("level", 3)
                .queryParam("parentUnitId", "u0")
                .queryParam("metric", "SATISFACTION_INDEX")
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("period", equalTo("2026-03"))
                .body("previousPeriod", equalTo("2026-02"))
                .body("metric", equalTo("SATISFACTION_INDEX"))
                .body("unitType", equalTo("SERVICE_HALL"))
                .body("level", equalTo(3))
                .body("parentUnitId", equalTo("u0"))
                .body("ranked", equalTo(2))
                .body("insufficientData", equalTo(1))
                .body("rows.unitCode", contains("HALL-SZ-001", "HALL-SZ-002", "HALL-SZ-003"))
                .body("rows.status", contains("RANKED", "RANKED", "INSUFFICIENT_DATA"))
                .body("rows[0].rank", equalTo(1))
                .body("rows[0].unitId", equalTo("u1"))
                .body("rows[0].unitName", equalTo("Futian service hall"))
                .body("rows[0].unitType", equalTo("SERVICE_HALL"))
                .body("rows[0].level", equalTo(3))
                .body("rows[0].parentUnitId", equalTo("u0"))
                .body("rows[0].value", equalTo(91.5f))
                .body("rows[0].confidenceInterval.lower", equalTo(89.25f))
                .body("rows[0].confidenceInterval.upper", equalTo(93.75f))
                .body("rows[0].sampleSize", equalTo(120))
                .body("rows[0].grade", equalTo("A"))
                .body("rows[0].scorecardId", equalTo("sc1"))
                .body("rows[0].previousRank", equalTo(2))
                .body("rows[0].previousValue", equalTo(88.0f))
                .body("rows[0].movement", equalTo("UP"))
                .body("rows[0].differenceToAbove", equalTo("NOT_APPLICABLE"))
                .body("rows[1].previousRank", nullValue())
                .body("rows[1].movement", equalTo("NONE"))
                .body("rows[1].differenceToAbove", equalTo("BEYOND_CONFIDENCE_INTERVAL"))
                .body("rows[2].rank", nullValue())
                .body("rows[2].value", nullValue())
                .body("rows[2].confidenceInterval", nullValue())
                .body("rows[2].grade", nullValue())
                .body("rows[2].insufficientDataReason", equalTo("12 responses, fewer than the minimum sample of 30"));
        GetLeagueTableRequest sent = Backend.received(GetLeagueTableRequest.class);
        assertEquals("2026-03", sent.getPeriod());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, sent.getUnitType());
        assertTrue(sent.hasLevel());
        assertEquals(3, sent.getLevel());
        assertEquals("u0", sent.getParentUnitId());
        assertEquals(LeagueMetric.LEAGUE_METRIC_SATISFACTION_INDEX, sent.getMetric());

        Backend.answer(
                GetLeagueTableRequest.class,
                LeagueTable.newBuilder()
                        .setPeriod("2026-Q1")
                        .setMetric(LeagueMetric.LEAGUE_METRIC_SCORE)
                        .build());
        given().queryParam("period", "2026-Q1")
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(200)
                .body("metric", equalTo("SCORE"))
                .body("level", nullValue())
                .body("unitType", nullValue())
                .body("parentUnitId", nullValue())
                .body("rows.size()", equalTo(0));
        sent = Backend.received(GetLeagueTableRequest.class);
        assertFalse(sent.hasLevel(), "no level: every level");
        assertEquals(LeagueMetric.LEAGUE_METRIC_UNSPECIFIED, sent.getMetric(), "absent: the service's default");
        assertEquals(UnitType.UNIT_TYPE_UNSPECIFIED, sent.getUnitType());
    }

    @Test
    void acceptTextCsvAnswersTheRowsAsAnAttachment() {
        Backend.answer(GetLeagueTableRequest.class, MARCH);
        String csv = given().header("Accept", "text/csv")
                .queryParam("period", "2026-03")
                .queryParam("metric", "SATISFACTION_INDEX")
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"league-table-2026-03.csv\""))
                .extract()
                .asString();
        assertEquals(
                "rank,status,unitCode,unitName,unitType,level,value,ciLower,ciUpper,sampleSize,grade,previousRank,"
                        + "movement,differenceToAbove,insufficientDataReason\r\n"
                        + "1,RANKED,HALL-SZ-001,Futian service hall,SERVICE_HALL,3,91.5,89.25,93.75,120,A,2,UP,"
                        + "NOT_APPLICABLE,\r\n"
                        + "2,RANKED,HALL-SZ-002,\"Nanshan, \"\"flagship\"\" hall\",SERVICE_HALL,3,80.0,75.5,84.5,45,B,,"
                        + "NONE,BEYOND_CONFIDENCE_INTERVAL,\r\n"
                        + ",INSUFFICIENT_DATA,HALL-SZ-003,Bao'an hall,SERVICE_HALL,3,,,,12,,,NONE,NOT_APPLICABLE,"
                        + "\"12 responses, fewer than the minimum sample of 30\"\r\n",
                csv);

        // JSON stays the default: no Accept, */*, or JSON preferred over CSV.
        for (String accept : new String[] {"*/*", "application/json, text/csv;q=0.5", "text/csv;q=0.2, */*"}) {
            given().header("Accept", accept)
                    .queryParam("period", "2026-03")
                    .when()
                    .get("/api/v1/leagueTables")
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("period", equalTo("2026-03"));
        }
        given().header("Accept", "text/csv, application/json;q=0.5")
                .queryParam("period", "2026-03")
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"));
    }

    @Test
    void badInputIs400NamingTheFieldAndAnUnscoredPeriodIs409() {
        String[][] cases = {
            {"period", "2026/03", "metric", "SCORE", "period"},
            {"period", "2026-13", "metric", "SCORE", "period"},
            {"unitType", "HOTLINE", "metric", "SCORE", "period"},
            {"period", "2026-03", "unitType", "SPACESHIP", "unitType"},
            {"period", "2026-03", "metric", "COMPLAINTS", "metric"},
            {"period", "2026-03", "metric", "UNSPECIFIED", "metric"},
            {"period", "2026-03", "level", "-1", "level"},
            {"period", "2026-03", "level", "top", "level"}
        };
        for (String accept : new String[] {"application/json", "text/csv"}) {
            for (String[] bad : cases) {
                given().header("Accept", accept)
                        .queryParam(bad[0], bad[1])
                        .queryParam(bad[2], bad[3])
                        .when()
                        .get("/api/v1/leagueTables")
                        .then()
                        .statusCode(400)
                        .contentType(PROBLEM)
                        .body("errors[0].field", equalTo(bad[4]));
            }
        }
        assertTrue(Backend.requests(GetLeagueTableRequest.class).isEmpty());

        Backend.fail(GetLeagueTableRequest.class, Statuses.invalid("parent_unit_id", "must be a unit id"));
        given().queryParam("period", "2026-03")
                .queryParam("parentUnitId", "not-a-uuid")
                .when()
                .get("/api/v1/leagueTables")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("parentUnitId"));

        Backend.fail(
                GetLeagueTableRequest.class,
                Statuses.status(
                        Code.FAILED_PRECONDITION, "PERIOD_NOT_SCORED", "2026-03 has no scorecards; recompute it"));
        for (String accept : new String[] {"application/json", "text/csv"}) {
            given().header("Accept", accept)
                    .queryParam("period", "2026-03")
                    .when()
                    .get("/api/v1/leagueTables")
                    .then()
                    .statusCode(409)
                    .contentType(PROBLEM)
                    .body("reason", equalTo("PERIOD_NOT_SCORED"));
        }
    }

    @Test
    void theOpenApiDocumentHasTheLeagueTableInBothMediaTypes() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/leagueTables'.get.parameters.name",
                        hasItems("period", "unitType", "level", "parentUnitId", "metric"))
                .body("paths.'/api/v1/leagueTables'.get.responses.keySet()", hasItems("200", "400", "409", "503"))
                .body(
                        "paths.'/api/v1/leagueTables'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/csv"))
                .body(
                        "components.schemas.LeagueTableRow.properties.keySet()",
                        hasItems("rank", "movement", "differenceToAbove", "confidenceInterval"));
    }
}
