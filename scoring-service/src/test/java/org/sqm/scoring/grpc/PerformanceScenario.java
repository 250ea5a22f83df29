package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.longrunning.Operation;
import com.google.longrunning.OperationsGrpc.OperationsBlockingStub;
import com.google.longrunning.WaitOperationRequest;
import com.google.protobuf.Duration;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.proto.scoring.v1.ComplaintRateSource;
import org.sqm.proto.scoring.v1.ComplaintTimelinessSource;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.CreateCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.CreateIndicatorRequest;
import org.sqm.proto.scoring.v1.CreateMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.CreateSurveyBatchRequest;
import org.sqm.proto.scoring.v1.CustomersServedBatch;
import org.sqm.proto.scoring.v1.CustomersServedItem;
import org.sqm.proto.scoring.v1.CustomersServedServiceGrpc.CustomersServedServiceBlockingStub;
import org.sqm.proto.scoring.v1.DirectMapping;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorDirection;
import org.sqm.proto.scoring.v1.IndicatorKind;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc.IndicatorServiceBlockingStub;
import org.sqm.proto.scoring.v1.IndicatorSource;
import org.sqm.proto.scoring.v1.MeasurementBatch;
import org.sqm.proto.scoring.v1.MeasurementItem;
import org.sqm.proto.scoring.v1.MeasurementServiceGrpc.MeasurementServiceBlockingStub;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.RecomputeScorecardsRequest;
import org.sqm.proto.scoring.v1.RollUp;
import org.sqm.proto.scoring.v1.RollUpWeighting;
import org.sqm.proto.scoring.v1.SatisfactionIndexSource;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc.ScorecardServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.ScoringModelServiceBlockingStub;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyResponse;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;
import org.sqm.proto.scoring.v1.TargetMapping;
import org.sqm.proto.standards.v1.UnitType;

/**
 * A city branch rolling up two service halls, scored by a hall model with every published figure as a
 * component (satisfaction index, complaint timeliness, complaint rate and an answered-calls rate), with
 * inputs the tests script month by month: survey responses, complaint statistics, customers served and
 * measurements. Shared by the tests of the figures and of the published feed; every expected value is
 * worked out by hand in those tests. A bean, so that each test class has it injected with its stubs.
 */
@Dependent
public class PerformanceScenario {

    /** The hall model's targets: index 80 (floor 50), complaint rate 20 (floor 40, lower is better), calls 90 (floor 60). */
    static final double INDEX_TARGET = 80;

    static final double RATE_TARGET = 20;
    static final double CALLS_TARGET = 90;

    /** Recognisable text in the inputs that must never reach the feed. */
    static final String RESPONDENT = "respondent-R-77123 Jane Roe 555-0199";

    @GrpcClient("scoring")
    ScoringModelServiceBlockingStub models;

    @GrpcClient("scoring")
    SurveyServiceBlockingStub surveys;

    @GrpcClient("scoring")
    CustomersServedServiceBlockingStub customers;

    @GrpcClient("scoring")
    IndicatorServiceBlockingStub indicators;

    @GrpcClient("scoring")
    MeasurementServiceBlockingStub measurements;

    @GrpcClient("scoring")
    ScorecardServiceBlockingStub scorecards;

    @GrpcClient("scoring")
    OperationsBlockingStub operations;

    String suffix;
    String calls;
    String city;
    String hall1;
    String hall2;
    ScoringModel hallModel;
    ScoringModel cityModel;
    /** Complaint statistics by month start day ("2021-04-01") and unit. */
    final Map<String, List<UnitComplaintStatistics>> statistics = new HashMap<>();

    /** Publishes the two models (retiring every other) and lists the three units. */
    PerformanceScenario setUp() {
        FakeBackends.resetFeeds();
        suffix = UUID.randomUUID().toString().substring(0, 6);
        calls = "CALLS_20S-" + suffix;
        statistics.clear();
        ScorecardRecomputeTest.retireAll(models);
        indicators.createIndicator(CreateIndicatorRequest.newBuilder()
                .setIndicator(Indicator.newBuilder()
                        .setCode(calls)
                        .setName("Calls answered within 20 seconds")
                        .setCounted("Calls answered within 20 s of all calls offered")
                        .setKind(IndicatorKind.INDICATOR_KIND_RATE)
                        .setDirection(IndicatorDirection.INDICATOR_DIRECTION_HIGHER_IS_BETTER)
                        .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL))
                .build());
        hallModel = ScorecardRecomputeTest.publish(
                models,
                ScoringModel.newBuilder()
                        .setCode("PERF_HALL")
                        .setName("Hall")
                        .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                        .addComponents(component(
                                "SATISFACTION",
                                3000,
                                ComponentSource.newBuilder()
                                        .setSatisfactionIndex(SatisfactionIndexSource.newBuilder()
                                                .setMinSample(2)),
                                target(INDEX_TARGET, 50)))
                        .addComponents(component(
                                "SATISFACTION_VIP",
                                1000,
                                ComponentSource.newBuilder()
                                        .setSatisfactionIndex(SatisfactionIndexSource.newBuilder()
                                                .setSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP)),
                                target(99, 0)))
                        .addComponents(component(
                                "TIMELINESS",
                                2000,
                                ComponentSource.newBuilder()
                                        .setComplaintTimeliness(ComplaintTimelinessSource.getDefaultInstance()),
                                ScoreMapping.newBuilder()
                                        .setDirect(DirectMapping.getDefaultInstance())
                                        .build()))
                        .addComponents(component(
                                "RATE",
                                2000,
                                ComponentSource.newBuilder().setComplaintRate(ComplaintRateSource.getDefaultInstance()),
                                target(RATE_TARGET, 40)))
                        .addComponents(component(
                                "CALLS",
                                2000,
                                ComponentSource.newBuilder()
                                        .setIndicator(
                                                IndicatorSource.newBuilder().setIndicatorCode(calls)),
                                target(CALLS_TARGET, 60)))
                        .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                        .setBaseScore(100)
                        .addAllGradeBands(ScorecardRecomputeTest.bands())
                        .build());
        cityModel = ScorecardRecomputeTest.publish(
                models,
                ScoringModel.newBuilder()
                        .setCode("PERF_CITY")
                        .setName("City roll-up")
                        .setUnitType(UnitType.UNIT_TYPE_CITY_BRANCH)
                        .setRollUp(RollUp.newBuilder().setWeighting(RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL))
                        .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                        .setBaseScore(100)
                        .addAllGradeBands(ScorecardRecomputeTest.bands())
                        .build());
        city = FakeBackends.listed(UnitType.UNIT_TYPE_CITY_BRANCH, "PC-" + suffix, null);
        hall1 = FakeBackends.listed(UnitType.UNIT_TYPE_SERVICE_HALL, "PH1-" + suffix, city);
        hall2 = FakeBackends.listed(UnitType.UNIT_TYPE_SERVICE_HALL, "PH2-" + suffix, city);
        FakeBackends.complaintStatistics = request -> statistics.entrySet().stream()
                .filter(e -> request.getPeriodStart().equals(ScorecardRecomputeTest.start(e.getKey())))
                .flatMap(e -> e.getValue().stream())
                .toList();
        return this;
    }

    private static ScoreComponent component(
            String code, int weight, ComponentSource.Builder source, ScoreMapping mapping) {
        return ScoreComponent.newBuilder()
                .setCode(code)
                .setName(code)
                .setWeightBasisPoints(weight)
                .setSource(source)
                .setMapping(mapping)
                .build();
    }

    private static ScoreMapping target(double target, double floor) {
        return ScoreMapping.newBuilder()
                .setTarget(TargetMapping.newBuilder().setTarget(target).setFloor(floor))
                .build();
    }

    /** Survey responses of the unit on the day, scale 0-10 (a score of 8 is 80 on 0-100). */
    void surveys(String unit, String day, CustomerSegment segment, double... scores) {
        List<SurveyResponse> responses = new ArrayList<>();
        for (double s : scores) {
            responses.add(SurveyResponse.newBuilder()
                    .setUnitId(unit)
                    .setSegment(segment)
                    .setDate(day)
                    .setScore(s)
                    .build());
        }
        surveys.createSurveyBatch(CreateSurveyBatchRequest.newBuilder()
                .setSurveyBatch(SurveyBatch.newBuilder()
                        .setBatchId("survey-R77123:" + UUID.randomUUID())
                        .setSource("Telephone survey, " + RESPONDENT)
                        .setScaleMin(0)
                        .setScaleMax(10)
                        .addAllResponses(responses))
                .build());
    }

    void surveys(String unit, String day, double... scores) {
        surveys(unit, day, CustomerSegment.CUSTOMER_SEGMENT_MOBILE, scores);
    }

    /** The unit's complaint statistics of the month starting on the day. */
    void complaints(String unit, String monthStart, long received, long resolved, long onTime) {
        statistics
                .computeIfAbsent(monthStart, m -> new ArrayList<>())
                .add(UnitComplaintStatistics.newBuilder()
                        .setUnitId(unit)
                        .setStatistics(ComplaintStatistics.newBuilder()
                                .setReceived(received)
                                .setResolved(resolved)
                                .setResolvedWithinDeadline(onTime)
                                .setShareResolvedWithinDeadline(resolved == 0 ? 0 : (double) onTime / resolved))
                        .build());
    }

    void customers(String unit, String period, long n) {
        customers.createCustomersServedBatch(CreateCustomersServedBatchRequest.newBuilder()
                .setCustomersServedBatch(CustomersServedBatch.newBuilder()
                        .setBatchId("billing:" + UUID.randomUUID())
                        .setSource("Billing system")
                        .addItems(CustomersServedItem.newBuilder()
                                .setUnitId(unit)
                                .setPeriod(period)
                                .setCustomers(n)))
                .build());
    }

    void calls(String unit, String period, long answered, long offered) {
        measurements.createMeasurementBatch(CreateMeasurementBatchRequest.newBuilder()
                .setMeasurementBatch(MeasurementBatch.newBuilder()
                        .setBatchId("switch:" + UUID.randomUUID())
                        .setSource("Call switch statistics")
                        .addItems(MeasurementItem.newBuilder()
                                .setUnitId(unit)
                                .setIndicatorCode(calls)
                                .setPeriod(period)
                                .setNumerator(answered)
                                .setDenominator(offered)))
                .build());
    }

    /** Recomputes the period and waits for the run to succeed. */
    Operation recompute(String period) {
        Operation started = scorecards.recomputeScorecards(
                RecomputeScorecardsRequest.newBuilder().setPeriod(period).build());
        Operation done = operations.waitOperation(WaitOperationRequest.newBuilder()
                .setName(started.getName())
                .setTimeout(Duration.newBuilder().setSeconds(30))
                .build());
        assertTrue(done.getDone() && done.hasResponse(), "the recompute succeeded: " + done);
        return done;
    }
}
