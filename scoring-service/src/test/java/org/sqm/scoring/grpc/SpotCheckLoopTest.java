package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.OriginFigure;
import org.sqm.proto.scoring.v1.ComplaintRateAboveUpperQuartile;
import org.sqm.proto.scoring.v1.ComplaintRateSource;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksRequest;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksResponse;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.SatisfactionIndexDrop;
import org.sqm.proto.scoring.v1.SatisfactionIndexSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.ScoringModelServiceBlockingStub;
import org.sqm.proto.scoring.v1.SpotCheckServiceGrpc.SpotCheckServiceBlockingStub;
import org.sqm.proto.scoring.v1.SpotCheckSpec;
import org.sqm.proto.scoring.v1.SpotCheckTrigger;
import org.sqm.proto.scoring.v1.TargetMapping;
import org.sqm.proto.scoring.v1.TriggeredSpotCheck;
import org.sqm.proto.scoring.v1.TriggeredSpotCheckStatus;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.TestClock;
import org.sqm.scoring.domain.Period;
import org.sqm.scoring.service.SpotChecks;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * The closed loop on real recomputes: halls scored by a model with a satisfaction-drop and a
 * complaint-rate trigger; what fires is requested from the fake inspection-service exactly once.
 * After each recompute the test evaluates the months itself too (the recompute's own evaluation may
 * still be running when its operation is done), which races the recompute's evaluation on purpose.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SpotCheckLoopTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @GrpcClient("scoring")
    ScoringModelServiceBlockingStub models;

    @GrpcClient("scoring")
    SpotCheckServiceBlockingStub spotChecks;

    @Inject
    SpotChecks loop;

    @Inject
    TestClock clock;

    @Inject
    PerformanceScenario s;

    ScoringModel model;

    static final SpotCheckSpec SPEC = SpotCheckSpec.newBuilder()
            .setStandardCode("SQM-HALL-HOTLINE")
            .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
            .setWindowDays(14)
            .build();

    @BeforeEach
    void scenario() {
        FakeInspections.reset();
        clock.set(NOW);
        s.setUp();
        ScorecardRecomputeTest.retireAll(models);
        model = ScorecardRecomputeTest.publish(
                models,
                ScoringModel.newBuilder()
                        .setCode("LOOP_HALL-" + s.suffix)
                        .setName("Hall with spot-check triggers")
                        .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                        .addComponents(ScoreComponent.newBuilder()
                                .setCode("SATISFACTION")
                                .setName("Satisfaction")
                                .setWeightBasisPoints(5000)
                                .setSource(ComponentSource.newBuilder()
                                        .setSatisfactionIndex(SatisfactionIndexSource.newBuilder()
                                                .setMinSample(1)))
                                .setMapping(target(100, 0)))
                        .addComponents(ScoreComponent.newBuilder()
                                .setCode("RATE")
                                .setName("Complaint rate")
                                .setWeightBasisPoints(5000)
                                .setSource(ComponentSource.newBuilder()
                                        .setComplaintRate(ComplaintRateSource.getDefaultInstance()))
                                .setMapping(target(0, 100)))
                        .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                        .setBaseScore(100)
                        .addAllGradeBands(ScorecardRecomputeTest.bands())
                        .addSpotCheckTriggers(SpotCheckTrigger.newBuilder()
                                .setCode("COMPLAINT_RATE_HIGH")
                                .setComplaintRateAboveUpperQuartile(ComplaintRateAboveUpperQuartile.newBuilder()
                                        .setConsecutiveMonths(2))
                                .setSpotCheck(SPEC))
                        .addSpotCheckTriggers(SpotCheckTrigger.newBuilder()
                                .setCode("SATISFACTION_DROP")
                                .setSatisfactionIndexDrop(
                                        SatisfactionIndexDrop.newBuilder().setPoints(10))
                                .setSpotCheck(SPEC))
                        .build());
        FakeBackends.complaintStatistics = request -> s.statistics.entrySet().stream()
                .filter(e -> request.getPeriodStart().equals(ScorecardRecomputeTest.start(e.getKey())))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    @AfterEach
    void back() {
        clock.reset();
        FakeInspections.reset();
        FakeBackends.resetFeeds();
        ScorecardRecomputeTest.retireAll(models);
    }

    private static ScoreMapping target(double target, double floor) {
        return ScoreMapping.newBuilder()
                .setTarget(TargetMapping.newBuilder().setTarget(target).setFloor(floor))
                .build();
    }

    String hall(String name) {
        return FakeBackends.listed(UnitType.UNIT_TYPE_SERVICE_HALL, name + "-" + s.suffix, null);
    }

    /** n responses of the score (0-10) on the 10th of the month. */
    void survey(String unit, String month, int n, double score) {
        double[] scores = new double[n];
        java.util.Arrays.fill(scores, score);
        s.surveys(unit, month + "-10", CustomerSegment.CUSTOMER_SEGMENT_MOBILE, scores);
    }

    /** Recomputes the month and evaluates it again here, racing the recompute's own evaluation. */
    void recompute(String month) {
        s.recompute(month);
        loop.afterRecompute(Period.parse(month).orElseThrow());
    }

    List<TriggeredSpotCheck> fired(String unit) {
        return spotChecks
                .listTriggeredSpotChecks(ListTriggeredSpotChecksRequest.newBuilder()
                        .setUnitId(unit)
                        .build())
                .getTriggeredSpotChecksList();
    }

    static List<Inspection> created(String unit) {
        return FakeInspections.CREATED.values().stream()
                .filter(i -> i.getUnitId().equals(unit))
                .toList();
    }

    static List<CreateInspectionRequest> requests(String unit) {
        return FakeInspections.CREATE_REQUESTS.stream()
                .filter(r -> r.getInspection().getUnitId().equals(unit))
                .toList();
    }

    @Test
    void aSatisfactionDropBeyondThePointsRequestsOneSpotCheckWithItsReasonAndFigures() {
        String fell = hall("FELL");
        String equal = hall("EQUAL");
        String small = hall("SMALL");
        String steady = hall("STEADY");
        survey(fell, "2019-01", 30, 8.25);
        survey(fell, "2019-02", 30, 7);
        survey(equal, "2019-01", 30, 8);
        survey(equal, "2019-02", 30, 7);
        survey(small, "2019-01", 29, 9);
        survey(small, "2019-02", 30, 7);
        survey(steady, "2019-01", 30, 9);
        survey(steady, "2019-02", 30, 9);
        recompute("2019-01");
        recompute("2019-02");

        List<TriggeredSpotCheck> fired = fired(fell);
        assertEquals(1, fired.size(), fired.toString());
        TriggeredSpotCheck t = fired.get(0);
        assertEquals("SATISFACTION_DROP", t.getTriggerCode());
        assertEquals("2019-02", t.getPeriod());
        assertEquals(model.getId(), t.getModelId());
        assertEquals(TriggeredSpotCheckStatus.TRIGGERED_SPOT_CHECK_STATUS_REQUESTED, t.getStatus());
        assertEquals(ProtoTime.timestamp(NOW), t.getFireTime());
        assertEquals(
                "satisfaction index fell by 12.5 points from 2019-01 to 2019-02 (82.5 to 70), more than 10 points",
                t.getReason());

        List<Inspection> inspections = created(fell);
        assertEquals(1, inspections.size());
        Inspection spotCheck = inspections.get(0);
        assertEquals(t.getInspectionId(), spotCheck.getId());
        assertEquals(InspectionKind.INSPECTION_KIND_SPOT_CHECK, spotCheck.getKind());
        assertEquals("SQM-HALL-HOTLINE", spotCheck.getStandardCode());
        assertEquals(AuthorityLevel.AUTHORITY_LEVEL_CITY, spotCheck.getAuthorityLevel());
        assertEquals(ProtoTime.timestamp(NOW), spotCheck.getWindowStart());
        assertEquals(ProtoTime.timestamp(NOW.plus(Duration.ofDays(14))), spotCheck.getWindowEnd());
        assertEquals("scoring-service/spot-checks", spotCheck.getOrigin().getRequestedBy());
        assertEquals(t.getId(), spotCheck.getOrigin().getReference());
        assertEquals(t.getReason(), spotCheck.getOrigin().getReason());
        List<String> figures = new ArrayList<>();
        for (OriginFigure f : spotCheck.getOrigin().getFiguresList()) {
            figures.add(f.getName() + " " + f.getPeriod() + " " + Math.round(f.getValue() * 100) / 100.0);
        }
        assertEquals(
                List.of(
                        "satisfaction index (all segments) 2019-01 82.5",
                        "survey responses 2019-01 30.0",
                        "satisfaction index (all segments) 2019-02 70.0",
                        "survey responses 2019-02 30.0",
                        "drop in points 2019-02 12.5"),
                figures);
        assertTrue(requests(fell).stream().allMatch(r -> r.getRequestId().equals("spot-check:" + t.getId())));

        for (String none : List.of(equal, small, steady)) {
            assertEquals(List.of(), fired(none), "no trigger for " + none);
            assertEquals(List.of(), requests(none));
        }

        // Recomputing the month again changes nothing: the trigger fired once for the hall and month.
        recompute("2019-02");
        assertEquals(List.of(t), fired(fell));
        assertEquals(1, created(fell).size());
    }

    @Test
    void aPendingRequestIsRetriedWithTheSameRequestIdAndCreatesOneInspection() {
        String fell = hall("FELL");
        survey(fell, "2019-08", 30, 9);
        survey(fell, "2019-09", 30, 5);
        recompute("2019-08");
        FakeInspections.CREATE_FAILURES.set(1000);
        recompute("2019-09");

        TriggeredSpotCheck pending = fired(fell).get(0);
        assertEquals(TriggeredSpotCheckStatus.TRIGGERED_SPOT_CHECK_STATUS_PENDING, pending.getStatus());
        assertEquals("", pending.getInspectionId());
        assertTrue(!pending.hasRequestTime());
        assertEquals(List.of(), created(fell));
        assertTrue(!requests(fell).isEmpty(), "the request was tried");

        FakeInspections.CREATE_FAILURES.set(0);
        clock.advance(Duration.ofHours(5));
        recompute("2019-09");
        List<TriggeredSpotCheck> fired = fired(fell);
        assertEquals(1, fired.size());
        TriggeredSpotCheck requested = fired.get(0);
        assertEquals(pending.getId(), requested.getId());
        assertEquals(TriggeredSpotCheckStatus.TRIGGERED_SPOT_CHECK_STATUS_REQUESTED, requested.getStatus());
        assertEquals(1, created(fell).size());
        assertEquals(requested.getInspectionId(), created(fell).get(0).getId());
        // Every attempt is the very same request: the window starts when the trigger fired, not at the retry.
        assertEquals(1, requests(fell).stream().distinct().count());
        assertEquals(ProtoTime.timestamp(NOW), created(fell).get(0).getWindowStart());
    }

    @Test
    void concurrentEvaluationsOfAPendingTriggerCreateOneInspection() throws Exception {
        String fell = hall("FELL");
        survey(fell, "2019-08", 30, 9);
        survey(fell, "2019-09", 30, 5);
        recompute("2019-08");
        FakeInspections.CREATE_FAILURES.set(1000);
        recompute("2019-09");
        assertEquals(List.of(), created(fell));
        FakeInspections.CREATE_FAILURES.set(0);

        List<CompletableFuture<Void>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.runAsync(
                    () -> loop.afterRecompute(Period.parse("2019-09").orElseThrow())));
        }
        for (CompletableFuture<Void> r : racing) {
            r.get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, fired(fell).size());
        assertEquals(1, created(fell).size());
        assertEquals(created(fell).get(0).getId(), fired(fell).get(0).getInspectionId());
        assertEquals(1, requests(fell).stream().distinct().count());
    }

    @Test
    void aComplaintRateAboveTheUpperQuartileTwoMonthsRunningFiresOnceAndNotForARunOneMonthShort() {
        List<String> low = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            low.add(hall("LOW" + i));
        }
        String high = hall("HIGH");
        String shortRun = hall("SHORT");
        String[][] months = {
            {"2019-04", "10", "10"}, {"2019-05", "50", "10"}, {"2019-06", "50", "50"}, {"2019-07", "50", "10"}
        };
        for (String[] m : months) {
            for (String unit : low) {
                rate(unit, m[0], 10);
            }
            rate(high, m[0], Long.parseLong(m[1]));
            rate(shortRun, m[0], Long.parseLong(m[2]));
        }
        for (String[] m : months) {
            recompute(m[0]);
        }

        List<TriggeredSpotCheck> fired = fired(high);
        assertEquals(1, fired.size(), "a run that goes on fires once: " + fired);
        TriggeredSpotCheck t = fired.get(0);
        assertEquals("COMPLAINT_RATE_HIGH", t.getTriggerCode());
        assertEquals("2019-06", t.getPeriod());
        assertEquals(
                "complaint rate above the upper quartile of SERVICE_HALL units at level 0 2 months running"
                        + " (2019-05 to 2019-06)",
                t.getReason());
        List<String> figures = t.getFiguresList().stream()
                .map(f -> f.getName() + " " + f.getPeriod() + " " + f.getValue())
                .toList();
        assertEquals(
                List.of(
                        "complaint rate per 10 000 customers 2019-05 50.0",
                        "upper quartile, SERVICE_HALL level 0 2019-05 10.0",
                        "units with a rate, SERVICE_HALL level 0 2019-05 8.0",
                        "complaint rate per 10 000 customers 2019-06 50.0",
                        "upper quartile, SERVICE_HALL level 0 2019-06 20.0",
                        "units with a rate, SERVICE_HALL level 0 2019-06 8.0"),
                figures);
        assertEquals(1, created(high).size());
        assertEquals(t.getReason(), created(high).get(0).getOrigin().getReason());
        assertEquals(6, created(high).get(0).getOrigin().getFiguresCount());
        assertEquals(List.of(), fired(shortRun), "one month above is a month short");
        for (String unit : low) {
            assertEquals(List.of(), fired(unit));
        }
    }

    /** The unit's complaints of the month per 10 000 of its 10 000 customers: the rate is the count. */
    void rate(String unit, String month, long complaints) {
        s.complaints(unit, month + "-01", complaints, 0, 0);
        s.customers(unit, month, 10_000);
    }

    @Test
    void theListPagesNewestMonthFirstAndRefusesABadPeriod() {
        String fell = hall("FELL");
        survey(fell, "2019-10", 30, 9);
        survey(fell, "2019-11", 30, 7);
        survey(fell, "2019-12", 30, 5);
        for (String m : List.of("2019-10", "2019-11", "2019-12")) {
            recompute(m);
        }
        ListTriggeredSpotChecksResponse first =
                spotChecks.listTriggeredSpotChecks(ListTriggeredSpotChecksRequest.newBuilder()
                        .setUnitId(fell)
                        .setPageSize(1)
                        .build());
        assertEquals("2019-12", first.getTriggeredSpotChecks(0).getPeriod());
        ListTriggeredSpotChecksResponse second =
                spotChecks.listTriggeredSpotChecks(ListTriggeredSpotChecksRequest.newBuilder()
                        .setUnitId(fell)
                        .setPageSize(1)
                        .setPageToken(first.getNextPageToken())
                        .build());
        assertEquals("2019-11", second.getTriggeredSpotChecks(0).getPeriod());
        assertEquals("", second.getNextPageToken());
        assertEquals(
                1,
                spotChecks
                        .listTriggeredSpotChecks(ListTriggeredSpotChecksRequest.newBuilder()
                                .setUnitId(fell)
                                .setPeriod("2019-11")
                                .build())
                        .getTriggeredSpotChecksCount());

        StatusRuntimeException bad = org.junit.jupiter.api.Assertions.assertThrows(
                StatusRuntimeException.class,
                () -> spotChecks.listTriggeredSpotChecks(ListTriggeredSpotChecksRequest.newBuilder()
                        .setUnitId("not-a-uuid")
                        .setPeriod("2019-Q4")
                        .setPageSize(-1)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
        assertEquals(List.of("unit_id", "page_size", "period"), GrpcErrors.violatedFields(bad));
    }
}
