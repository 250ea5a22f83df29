package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.DifferenceToAbove;
import org.sqm.proto.scoring.v1.GetLeagueTableRequest;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.LeagueMetric;
import org.sqm.proto.scoring.v1.LeagueRowStatus;
import org.sqm.proto.scoring.v1.LeagueTable;
import org.sqm.proto.scoring.v1.LeagueTableRow;
import org.sqm.proto.scoring.v1.LeagueTableServiceGrpc.LeagueTableServiceBlockingStub;
import org.sqm.proto.scoring.v1.Movement;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc.ScorecardServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * League tables over gRPC. The scorecards, their current pointers, the model versions they name and
 * the survey responses are written straight into the tables (a recompute cannot make exact ties or
 * a chosen previous month cheaply); every expected value is computed by hand. Each test owns its
 * periods (in 2023, which no other test scores).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LeagueTableTest {

    static final double EPS = 1e-9;
    static final String HALL = "SERVICE_HALL";

    @GrpcClient("scoring")
    LeagueTableServiceBlockingStub tables;

    @GrpcClient("scoring")
    ScorecardServiceBlockingStub scorecards;

    @Inject
    AgroalDataSource db;

    final String prefix = UUID.randomUUID().toString().substring(0, 6) + "-";

    /**
     * June: U1 90, U3 85.5 + 1e-12 and U2 85.5 (equal to nine decimals: rank 2 both, U3's code B1 first),
     * U4 70, U5 without a score. May: U2 95 (1), U1 80 (2), U6 75 (3), U4 70 (4), U5 50 (5), U3 none.
     * So U1 UP (2 -> 1), U2 DOWN (1 -> 2), U3 NONE (not ranked in May), U4 SAME (4), U5 NONE
     * (not ranked now, previous rank 5 still shown).
     */
    @Test
    void scoresTiesInsufficientDataAndMovement() {
        UUID u1 = UUID.randomUUID(), u2 = UUID.randomUUID(), u3 = UUID.randomUUID();
        UUID u4 = UUID.randomUUID(), u5 = UUID.randomUUID(), u6 = UUID.randomUUID();
        UUID june = run("2023-06");
        card(june, "2023-06", u1, "A1", "Hall one", HALL, null, 1, 90.0, "A", null);
        card(june, "2023-06", u2, "B2", "Hall two", HALL, null, 1, 85.5, "B", null);
        card(june, "2023-06", u3, "B1", "Hall three", HALL, null, 1, 85.5 + 1e-12, "B", null);
        card(june, "2023-06", u4, "C1", "Hall four", HALL, null, 1, 70.0, "C", null);
        card(
                june,
                "2023-06",
                u5,
                "D1",
                "Hall five",
                HALL,
                null,
                1,
                null,
                null,
                null,
                List.of("no inspection", "no survey"));
        UUID may = run("2023-05");
        card(may, "2023-05", u2, "B2", "Hall two", HALL, null, 1, 95.0, "A", null);
        card(may, "2023-05", u1, "A1", "Hall one", HALL, null, 1, 80.0, "B", null);
        card(may, "2023-05", u6, "E1", "Hall six", HALL, null, 1, 75.0, "C", null);
        card(may, "2023-05", u4, "C1", "Hall four", HALL, null, 1, 70.0, "C", null);
        card(may, "2023-05", u5, "D1", "Hall five", HALL, null, 1, 50.0, "E", null);
        card(may, "2023-05", u3, "B1", "Hall three", HALL, null, 1, null, null, null, List.of("no inspection"));

        LeagueTable table = tables.getLeagueTable(
                GetLeagueTableRequest.newBuilder().setPeriod("2023-06").build());

        assertEquals("2023-05", table.getPreviousPeriod());
        assertEquals(LeagueMetric.LEAGUE_METRIC_SCORE, table.getMetric());
        assertEquals(4, table.getRanked());
        assertEquals(1, table.getInsufficientData());
        assertEquals(
                List.of(prefix + "A1", prefix + "B1", prefix + "B2", prefix + "C1", prefix + "D1"),
                table.getRowsList().stream().map(LeagueTableRow::getUnitCode).toList());
        assertEquals(
                List.of(1, 2, 2, 4, 0),
                table.getRowsList().stream().map(LeagueTableRow::getRank).toList());
        assertEquals(
                List.of(
                        Movement.MOVEMENT_UP,
                        Movement.MOVEMENT_NONE,
                        Movement.MOVEMENT_DOWN,
                        Movement.MOVEMENT_SAME,
                        Movement.MOVEMENT_NONE),
                table.getRowsList().stream().map(LeagueTableRow::getMovement).toList());
        assertEquals(
                List.of(
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NO_INTERVAL,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NO_INTERVAL,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE),
                table.getRowsList().stream()
                        .map(LeagueTableRow::getDifferenceToAbove)
                        .toList());

        LeagueTableRow first = table.getRows(0);
        assertEquals(LeagueRowStatus.LEAGUE_ROW_STATUS_RANKED, first.getStatus());
        assertEquals(u1.toString(), first.getUnitId());
        assertEquals("Hall one", first.getUnitName());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, first.getUnitType());
        assertEquals(90.0, first.getValue(), EPS);
        assertEquals("A", first.getGrade());
        assertEquals(2, first.getPreviousRank());
        assertEquals(80.0, first.getPreviousValue(), EPS);
        assertFalse(first.hasConfidenceInterval());
        assertEquals(0, first.getSampleSize());
        assertFalse(first.getScorecardId().isEmpty());
        assertFalse(table.getRows(1).hasPreviousRank());
        assertFalse(table.getRows(1).hasPreviousValue());
        assertEquals(1, table.getRows(2).getPreviousRank());
        assertEquals(95.0, table.getRows(2).getPreviousValue(), EPS);

        LeagueTableRow insufficient = table.getRows(4);
        assertEquals(LeagueRowStatus.LEAGUE_ROW_STATUS_INSUFFICIENT_DATA, insufficient.getStatus());
        assertFalse(insufficient.hasValue());
        assertEquals("", insufficient.getGrade());
        assertEquals("no inspection; no survey", insufficient.getInsufficientDataReason());
        assertEquals(5, insufficient.getPreviousRank());
        assertEquals(50.0, insufficient.getPreviousValue(), EPS);

        // The same stored rows through the trend: June without a score (not a score of 0), May 50.
        ScoreTrend trend = scorecards.getScoreTrend(GetScoreTrendRequest.newBuilder()
                .setUnitId(u5.toString())
                .setPeriod("2023-06")
                .setCount(2)
                .build());
        assertTrue(trend.getPoints(0).hasScore());
        assertEquals(50.0, trend.getPoints(0).getScore(), EPS);
        assertFalse(trend.getPoints(1).hasScore());
    }

    /**
     * April's satisfaction (normalised scores), May-less so every movement is NONE.
     * F (model with a MOBILE component of min 3): 90, 90, 90: 90, sd 0, [90, 90].
     * A (model min 2): 80, 80, 80 (a 0 dated in March and a superseded 0 do not count): [80, 80],
     * beyond F's. B (min 2): 60, 60, 60: [60, 60], beyond A's. C (min 2): 40, 60: mean 50, sd √200,
     * half 12.706204736 × √200 / √2 = 127.06: clamped [0, 100], within B's. D (a model without a
     * satisfaction component: 30): 3 responses. E (min 2): 1 response. G (min 2): none.
     */
    @Test
    void satisfactionIndexWithIntervalsAndMinimumSamples() {
        String minTwo = model(
                "{\"components\":[{\"code\":\"SAT\",\"source\":{\"satisfactionIndex\":{\"minSample\":2}}},"
                        + "{\"code\":\"SAT_VIP\",\"source\":{\"satisfactionIndex\":{\"segment\":\"CUSTOMER_SEGMENT_VIP\",\"minSample\":9}}}]}");
        String mobileThree = model(
                "{\"components\":[{\"code\":\"SAT_MOBILE\",\"source\":{\"satisfactionIndex\":{\"segment\":\"CUSTOMER_SEGMENT_MOBILE\",\"minSample\":3}}}]}");
        String none = model("{\"components\":[{\"code\":\"X\",\"source\":{\"complaintTimeliness\":{}}}]}");
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();
        UUID e = UUID.randomUUID(), f = UUID.randomUUID(), g = UUID.randomUUID();
        UUID april = run("2023-04");
        card(april, "2023-04", a, "A", "A", HALL, null, 1, 50.0, "E", minTwo);
        card(april, "2023-04", b, "B", "B", HALL, null, 1, 60.0, "E", minTwo);
        card(april, "2023-04", c, "C", "C", HALL, null, 1, 70.0, "C", minTwo);
        card(april, "2023-04", d, "D", "D", HALL, null, 1, 80.0, "B", none);
        card(april, "2023-04", e, "E", "E", HALL, null, 1, 90.0, "A", minTwo);
        card(april, "2023-04", f, "F", "F", HALL, null, 1, null, null, mobileThree);
        card(april, "2023-04", g, "G", "G", HALL, null, 1, 95.0, "A", minTwo);
        LocalDate day = LocalDate.parse("2023-04-10");
        responses(true, f, day, 90, 90, 90);
        responses(true, a, day, 80, 80, 80);
        responses(true, a, LocalDate.parse("2023-03-31"), 0);
        responses(false, a, day, 0);
        responses(true, b, LocalDate.parse("2023-04-30"), 60, 60, 60);
        responses(true, c, LocalDate.parse("2023-04-01"), 40, 60);
        responses(true, d, day, 100, 100, 100);
        responses(true, e, day, 100);

        LeagueTable table = tables.getLeagueTable(GetLeagueTableRequest.newBuilder()
                .setPeriod("2023-04")
                .setMetric(LeagueMetric.LEAGUE_METRIC_SATISFACTION_INDEX)
                .build());

        assertEquals(LeagueMetric.LEAGUE_METRIC_SATISFACTION_INDEX, table.getMetric());
        assertEquals(
                List.of("F", "A", "B", "C", "D", "E", "G"),
                table.getRowsList().stream()
                        .map(r -> r.getUnitCode().substring(prefix.length()))
                        .toList());
        assertEquals(
                List.of(1, 2, 3, 4, 0, 0, 0),
                table.getRowsList().stream().map(LeagueTableRow::getRank).toList());
        assertEquals(4, table.getRanked());
        assertEquals(3, table.getInsufficientData());
        assertEquals(
                List.of(
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_BEYOND_CONFIDENCE_INTERVAL,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_BEYOND_CONFIDENCE_INTERVAL,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_WITHIN_CONFIDENCE_INTERVAL,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE,
                        DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE),
                table.getRowsList().stream()
                        .map(LeagueTableRow::getDifferenceToAbove)
                        .toList());
        assertTrue(table.getRowsList().stream().allMatch(r -> r.getMovement() == Movement.MOVEMENT_NONE));

        LeagueTableRow rowF = table.getRows(0);
        assertEquals(90.0, rowF.getValue(), EPS);
        assertEquals(3, rowF.getSampleSize());
        assertEquals(90.0, rowF.getConfidenceInterval().getLower(), EPS);
        assertEquals(90.0, rowF.getConfidenceInterval().getUpper(), EPS);
        assertEquals("", rowF.getGrade());
        LeagueTableRow rowA = table.getRows(1);
        assertEquals(80.0, rowA.getValue(), EPS);
        assertEquals(3, rowA.getSampleSize());
        assertEquals(80.0, rowA.getConfidenceInterval().getUpper(), EPS);
        assertEquals("E", rowA.getGrade());
        LeagueTableRow rowC = table.getRows(3);
        assertEquals(50.0, rowC.getValue(), EPS);
        assertEquals(2, rowC.getSampleSize());
        assertEquals(0.0, rowC.getConfidenceInterval().getLower(), EPS);
        assertEquals(100.0, rowC.getConfidenceInterval().getUpper(), EPS);

        assertEquals(
                "3 responses, fewer than the minimum sample of 30",
                table.getRows(4).getInsufficientDataReason());
        assertEquals(3, table.getRows(4).getSampleSize());
        assertFalse(table.getRows(4).hasValue());
        assertFalse(table.getRows(4).hasConfidenceInterval());
        assertEquals(
                "1 response, fewer than the minimum sample of 2",
                table.getRows(5).getInsufficientDataReason());
        assertEquals(
                "0 responses, fewer than the minimum sample of 2",
                table.getRows(6).getInsufficientDataReason());
    }

    /**
     * Intervals that are not degenerate. March: no model behind the scorecards, so 30 responses are
     * needed. February (min 1): 78, 80, 82 has mean 80, sd 2, half t(0.975, 2) × 2 / √3 = 4.9683:
     * [75.0317, 84.9683]; one response of 80 ties with it and spans [0, 100].
     */
    @Test
    void satisfactionIntervalByStudentT() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID march = run("2023-03");
        card(march, "2023-03", a, "A", "A", HALL, null, 1, 50.0, "E", null);
        card(march, "2023-03", b, "B", "B", HALL, null, 1, 50.0, "E", null);
        LocalDate day = LocalDate.parse("2023-03-15");
        responses(true, a, day, 70, 80, 90);
        responses(true, b, day, 70, 80, 90);

        LeagueTable table = tables.getLeagueTable(GetLeagueTableRequest.newBuilder()
                .setPeriod("2023-03")
                .setMetric(LeagueMetric.LEAGUE_METRIC_SATISFACTION_INDEX)
                .build());

        // No model behind these scorecards: the minimum sample is 30, so both are listed, not ranked.
        assertEquals(0, table.getRanked());
        assertEquals(2, table.getInsufficientData());
        assertEquals(
                "3 responses, fewer than the minimum sample of 30",
                table.getRows(0).getInsufficientDataReason());

        String minOne = model("{\"components\":[{\"code\":\"SAT\",\"source\":{\"satisfactionIndex\":{}}}]}");
        UUID again = run("2023-02");
        card(again, "2023-02", a, "A", "A", HALL, null, 1, 50.0, "E", minOne);
        card(again, "2023-02", b, "B", "B", HALL, null, 1, 50.0, "E", minOne);
        responses(true, a, LocalDate.parse("2023-02-15"), 78, 80, 82);
        responses(true, b, LocalDate.parse("2023-02-15"), 80);

        table = tables.getLeagueTable(GetLeagueTableRequest.newBuilder()
                .setPeriod("2023-02")
                .setMetric(LeagueMetric.LEAGUE_METRIC_SATISFACTION_INDEX)
                .build());

        double half = 4.302652730 * 2 / Math.sqrt(3);
        // Equal means (80): a shared rank, ordered by code; a single response spans the whole scale.
        assertEquals(
                List.of(1, 1),
                table.getRowsList().stream().map(LeagueTableRow::getRank).toList());
        assertEquals(80 - half, table.getRows(0).getConfidenceInterval().getLower(), 1e-7);
        assertEquals(80 + half, table.getRows(0).getConfidenceInterval().getUpper(), 1e-7);
        assertEquals(0.0, table.getRows(1).getConfidenceInterval().getLower(), EPS);
        assertEquals(100.0, table.getRows(1).getConfidenceInterval().getUpper(), EPS);
        assertEquals(
                DifferenceToAbove.DIFFERENCE_TO_ABOVE_NOT_APPLICABLE,
                table.getRows(1).getDifferenceToAbove());
    }

    /** A company P; cities C1, C2 under it; halls H1, H2 under C1 and H3 under C2. */
    @Test
    void filtersByUnitTypeLevelAndParent() {
        UUID p = UUID.randomUUID(), c1 = UUID.randomUUID(), c2 = UUID.randomUUID();
        UUID h1 = UUID.randomUUID(), h2 = UUID.randomUUID(), h3 = UUID.randomUUID();
        UUID run = run("2023-08");
        card(run, "2023-08", p, "P", "P", "COMPANY", null, 0, 80.0, "B", null);
        card(run, "2023-08", c1, "C1", "C1", "CITY_BRANCH", p, 1, 81.0, "B", null);
        card(run, "2023-08", c2, "C2", "C2", "CITY_BRANCH", p, 1, 82.0, "B", null);
        card(run, "2023-08", h1, "H1", "H1", HALL, c1, 2, 70.0, "C", null);
        card(run, "2023-08", h2, "H2", "H2", HALL, c1, 2, 90.0, "A", null);
        card(run, "2023-08", h3, "H3", "H3", HALL, c2, 2, 60.0, "D", null);

        assertEquals(List.of("H2", "C2", "C1", "P", "H1", "H3"), codes(request()));
        assertEquals(List.of("H2", "H1", "H3"), codes(request().setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)));
        assertEquals(List.of("C2", "C1"), codes(request().setLevel(1)));
        assertEquals(List.of("P"), codes(request().setLevel(0)));
        assertEquals(List.of("H2", "H1"), codes(request().setParentUnitId(c1.toString())));
        assertEquals(
                List.of("H3"),
                codes(request().setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL).setParentUnitId(c2.toString())));
        assertEquals(List.of(), codes(request().setUnitType(UnitType.UNIT_TYPE_HOTLINE)));

        LeagueTable table = tables.getLeagueTable(request()
                .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                .setLevel(2)
                .setParentUnitId(c1.toString())
                .build());
        assertEquals(UnitType.UNIT_TYPE_SERVICE_HALL, table.getUnitType());
        assertEquals(2, table.getLevel());
        assertEquals(c1.toString(), table.getParentUnitId());
        assertEquals(c1.toString(), table.getRows(0).getParentUnitId());
        assertEquals(2, table.getRows(0).getLevel());
        assertFalse(tables.getLeagueTable(request().build()).hasLevel());
    }

    @Test
    void periodWithoutScorecards() {
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> tables.getLeagueTable(
                        GetLeagueTableRequest.newBuilder().setPeriod("2019-02").build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("PERIOD_NOT_SCORED", GrpcErrors.errorInfo(e).getReason());
        assertTrue(
                e.getStatus().getDescription().contains("recompute"),
                e.getStatus().getDescription());
    }

    @Test
    void badInputsAreNamed() {
        assertInvalid(GetLeagueTableRequest.newBuilder(), "period");
        assertInvalid(GetLeagueTableRequest.newBuilder().setPeriod("2023-13"), "period");
        assertInvalid(GetLeagueTableRequest.newBuilder().setPeriod("2023-Q5"), "period");
        assertInvalid(GetLeagueTableRequest.newBuilder().setPeriod("2023-06").setUnitTypeValue(99), "unit_type");
        assertInvalid(GetLeagueTableRequest.newBuilder().setPeriod("2023-06").setMetricValue(99), "metric");
        assertInvalid(GetLeagueTableRequest.newBuilder().setPeriod("2023-06").setLevel(-1), "level");
        assertInvalid(
                GetLeagueTableRequest.newBuilder().setPeriod("2023-06").setParentUnitId("nope"), "parent_unit_id");
        // Every bad field at once, before the period's scorecards are looked for.
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> tables.getLeagueTable(GetLeagueTableRequest.newBuilder()
                        .setPeriod("2019-02")
                        .setLevel(-2)
                        .setMetricValue(7)
                        .build()));
        assertEquals(List.of("level", "metric"), GrpcErrors.violatedFields(e));
    }

    private void assertInvalid(GetLeagueTableRequest.Builder request, String field) {
        StatusRuntimeException e =
                assertThrows(StatusRuntimeException.class, () -> tables.getLeagueTable(request.build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of(field), GrpcErrors.violatedFields(e));
    }

    private static GetLeagueTableRequest.Builder request() {
        return GetLeagueTableRequest.newBuilder().setPeriod("2023-08");
    }

    private List<String> codes(GetLeagueTableRequest.Builder request) {
        return tables.getLeagueTable(request.build()).getRowsList().stream()
                .map(r -> r.getUnitCode().substring(prefix.length()))
                .toList();
    }

    /** A finished run made current for the period. */
    private UUID run(String period) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        sql(
                "insert into scorecard_run (id, period, status, stage, start_time, end_time, heartbeat_time)"
                        + " values (?, ?, 'SUCCEEDED', 'done', ?, ?, ?)",
                id,
                period,
                now,
                now,
                now);
        sql(
                "insert into scorecard_current (period, run_id, publish_time) values (?, ?, ?)"
                        + " on conflict (period) do update set run_id = excluded.run_id",
                period,
                id,
                now);
        return id;
    }

    /** A scorecard of the run; no score means insufficient data with the reasons given. */
    private void card(
            UUID run,
            String period,
            UUID unit,
            String code,
            String name,
            String type,
            UUID parent,
            int level,
            Double score,
            String grade,
            String modelId) {
        card(run, period, unit, code, name, type, parent, level, score, grade, modelId, List.of());
    }

    private void card(
            UUID run,
            String period,
            UUID unit,
            String code,
            String name,
            String type,
            UUID parent,
            int level,
            Double score,
            String grade,
            String modelId,
            List<String> reasons) {
        String explanation = "{\"unitId\":\"" + unit + "\",\"unitCode\":\"" + prefix + code + "\",\"unitName\":\""
                + name + "\",\"period\":\"" + period + "\""
                + (reasons.isEmpty() ? "" : ",\"insufficientDataReasons\":[\"" + String.join("\",\"", reasons) + "\"]")
                + "}";
        sql(
                "insert into scorecard (id, run_id, unit_id, unit_code, unit_type, parent_unit_id, level, period,"
                        + " status, score, grade, model_id, model_version, explanation, fingerprint, compute_time)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'f', ?)",
                UUID.randomUUID(),
                run,
                unit,
                prefix + code,
                type,
                parent,
                level,
                period,
                score == null ? "INSUFFICIENT_DATA" : "SCORED",
                score,
                grade,
                modelId == null ? UUID.randomUUID().toString() : modelId,
                explanation,
                OffsetDateTime.now());
    }

    /** A retired model version with the definition; its id. */
    private String model(String definition) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        sql(
                "insert into scoring_model (id, code, version_number, name, unit_type, state, definition,"
                        + " create_time, update_time, publish_time, retire_time)"
                        + " values (?, ?, 1, 'League test', 'SERVICE_HALL', 'RETIRED', cast(? as jsonb), ?, ?, ?, ?)",
                id,
                "LT_" + id,
                definition,
                now,
                now,
                now,
                now);
        return id.toString();
    }

    /** One survey batch of the unit's responses on the day, already normalised (scale 0-100). */
    private void responses(boolean current, UUID unit, LocalDate day, double... normalised) {
        UUID batch = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        sql(
                "insert into input_batch (id, batch_id, kind, source, scale_min, scale_max, item_count, fingerprint,"
                        + " record_time) values (?, ?, 'SURVEY_RESPONSES', 'league test', 0, 100, ?, 'f', ?)",
                batch,
                "lt-" + batch,
                normalised.length,
                now);
        for (int i = 0; i < normalised.length; i++) {
            sql(
                    "insert into survey_response (id, batch_pk, item_index, unit_id, segment, response_date, score,"
                            + " normalised, current, record_time) values (?, ?, ?, ?, 'MOBILE', ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    batch,
                    i,
                    unit,
                    day,
                    normalised[i],
                    normalised[i],
                    current,
                    now);
        }
    }

    private void sql(String sql, Object... args) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
