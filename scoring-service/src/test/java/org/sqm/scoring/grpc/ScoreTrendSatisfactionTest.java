package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sqm.scoring.grpc.AsCaller.as;
import static org.sqm.scoring.grpc.AsCaller.code;
import static org.sqm.scoring.grpc.SurveyBatchTest.HOME;
import static org.sqm.scoring.grpc.SurveyBatchTest.MOBILE;
import static org.sqm.scoring.grpc.SurveyBatchTest.batch;
import static org.sqm.scoring.grpc.SurveyBatchTest.response;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.proto.scoring.v1.CreateSurveyBatchRequest;
import org.sqm.proto.scoring.v1.GetSatisfactionIndexRequest;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.SatisfactionIndex;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc.ScorecardServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;
import org.sqm.proto.scoring.v1.TrendPoint;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.auth.DevTokens;

/**
 * A trend's points carry each period's satisfaction index, the very value GetSatisfactionIndex gives
 * for the unit and period (all segments), for months, quarters and years alike, and none for a period
 * without responses.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ScoreTrendSatisfactionTest {

    @GrpcClient("scoring")
    ScorecardServiceBlockingStub scorecards;

    @GrpcClient("scoring")
    SurveyServiceBlockingStub surveys;

    String hall;
    String other;

    /**
     * The hall's responses: December 2025 100 and 50 (75); January only in a batch a correction
     * superseded (none); February 70, 90 and 20 (60); March 75 (the correction's); April 100. The
     * other hall answers in the same batches and never counts for this one.
     */
    @BeforeEach
    void surveys() {
        hall = FakeBackends.unit(UnitType.UNIT_TYPE_SERVICE_HALL);
        other = FakeBackends.unit(UnitType.UNIT_TYPE_SERVICE_HALL);
        create(batch(id(), 1, 5, response(hall, MOBILE, "2025-12-01", 5), response(hall, HOME, "2025-12-31", 3)));
        SurveyBatch january = create(
                batch(id(), 1, 5, response(hall, MOBILE, "2026-01-15", 1), response(other, MOBILE, "2026-01-16", 5)));
        create(
                batch(id(), 1, 5, response(hall, MOBILE, "2026-03-02", 4), response(other, MOBILE, "2026-01-16", 5))
                        .toBuilder()
                        .setSupersedesBatchId(january.getBatchId())
                        .build());
        create(batch(
                id(),
                0,
                10,
                response(hall, MOBILE, "2026-02-01", 7),
                response(hall, MOBILE, "2026-02-28", 9),
                response(hall, HOME, "2026-02-14", 2),
                response(hall, MOBILE, "2026-04-01", 10),
                response(other, MOBILE, "2026-02-10", 0)));
    }

    @Test
    void eachMonthCarriesTheIndexGetSatisfactionIndexGives() {
        ScoreTrend trend = trend(scorecards, "2026-04", 6);

        assertEquals(
                List.of("2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"),
                trend.getPointsList().stream().map(TrendPoint::getPeriod).toList());
        assertEquals(List.of(75.0, 60.0, 75.0, 100.0), indexes(trend));
        assertFalse(point(trend, "2025-11").hasSatisfactionIndex(), "no responses at all");
        assertFalse(point(trend, "2026-01").hasSatisfactionIndex(), "only superseded responses");
        sameAsGetSatisfactionIndex(trend);
        // Nothing was recomputed: the points have no scorecard, yet their index.
        assertEquals(
                ScorecardStatus.SCORECARD_STATUS_UNSPECIFIED,
                point(trend, "2026-02").getStatus());
        assertFalse(point(trend, "2026-02").hasScore());
    }

    @Test
    void aQuarterCarriesTheMeanOfItsResponsesNotOfItsMonths() {
        ScoreTrend trend = trend(scorecards, "2026-Q2", 4);

        assertEquals(
                List.of("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"),
                trend.getPointsList().stream().map(TrendPoint::getPeriod).toList());
        // 2026-Q1: (70 + 90 + 20 + 75) / 4 = 63.75, not the months' mean (60 + 75) / 2 = 67.5.
        assertEquals(List.of(75.0, 63.75, 100.0), indexes(trend));
        assertFalse(point(trend, "2025-Q3").hasSatisfactionIndex());
        sameAsGetSatisfactionIndex(trend);
    }

    @Test
    void aYearCarriesTheMeanOfItsResponses() {
        ScoreTrend trend = trend(scorecards, "2026", 3);

        assertEquals(
                List.of("2024", "2025", "2026"),
                trend.getPointsList().stream().map(TrendPoint::getPeriod).toList());
        // 2026: (70 + 90 + 20 + 75 + 100) / 5 = 71.
        assertEquals(List.of(75.0, 71.0), indexes(trend));
        sameAsGetSatisfactionIndex(trend);
    }

    @Test
    void theUnitsManagerSeesTheIndexesAndAnotherUnitsManagerNothing() {
        ScorecardServiceBlockingStub asManager =
                as(ScorecardServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("unit-manager", hall));
        assertEquals(List.of(75.0, 60.0, 75.0), indexes(trend(asManager, "2026-03", 4)));

        ScorecardServiceBlockingStub asOther =
                as(ScorecardServiceGrpc.newBlockingStub(AsCaller.channel()), DevTokens.token("unit-manager", other));
        assertEquals(Status.Code.NOT_FOUND, code(() -> trend(asOther, "2026-03", 4)));
    }

    ScoreTrend trend(ScorecardServiceBlockingStub stub, String period, int count) {
        return stub.getScoreTrend(GetScoreTrendRequest.newBuilder()
                .setUnitId(hall)
                .setPeriod(period)
                .setCount(count)
                .build());
    }

    /** Every point's index equals GetSatisfactionIndex's for its period; both absent without responses. */
    void sameAsGetSatisfactionIndex(ScoreTrend trend) {
        for (TrendPoint point : trend.getPointsList()) {
            SatisfactionIndex index = surveys.getSatisfactionIndex(GetSatisfactionIndexRequest.newBuilder()
                    .setUnitId(hall)
                    .setSegment(SurveyBatchTest.ALL)
                    .setPeriod(point.getPeriod())
                    .build());
            assertEquals(index.hasIndex(), point.hasSatisfactionIndex(), point.getPeriod());
            if (index.hasIndex()) {
                assertTrue(index.getSampleSize() > 0);
                assertEquals(index.getIndex(), point.getSatisfactionIndex(), point.getPeriod());
            } else {
                assertEquals(0, index.getSampleSize(), point.getPeriod());
            }
        }
    }

    static List<Double> indexes(ScoreTrend trend) {
        List<Double> indexes = new ArrayList<>();
        for (TrendPoint point : trend.getPointsList()) {
            if (point.hasSatisfactionIndex()) {
                indexes.add(point.getSatisfactionIndex());
            }
        }
        return indexes;
    }

    static TrendPoint point(ScoreTrend trend, String period) {
        return trend.getPointsList().stream()
                .filter(p -> p.getPeriod().equals(period))
                .findFirst()
                .orElseThrow();
    }

    SurveyBatch create(SurveyBatch batch) {
        return surveys.createSurveyBatch(
                CreateSurveyBatchRequest.newBuilder().setSurveyBatch(batch).build());
    }

    static String id() {
        return "trend:" + UUID.randomUUID();
    }
}
