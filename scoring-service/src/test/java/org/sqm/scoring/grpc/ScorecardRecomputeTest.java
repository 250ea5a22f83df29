package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.longrunning.CancelOperationRequest;
import com.google.longrunning.DeleteOperationRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.ListOperationsRequest;
import com.google.longrunning.Operation;
import com.google.longrunning.OperationsGrpc.OperationsBlockingStub;
import com.google.longrunning.WaitOperationRequest;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionPeriodBasis;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionScore;
import org.sqm.proto.scoring.v1.AuthorityWeight;
import org.sqm.proto.scoring.v1.ComplaintTimelinessSource;
import org.sqm.proto.scoring.v1.ComponentSource;
import org.sqm.proto.scoring.v1.CreateScoringModelRequest;
import org.sqm.proto.scoring.v1.DirectMapping;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.GradeBand;
import org.sqm.proto.scoring.v1.InspectionScoreSource;
import org.sqm.proto.scoring.v1.ListScorecardsRequest;
import org.sqm.proto.scoring.v1.ListScorecardsResponse;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.MissingSourcePolicy;
import org.sqm.proto.scoring.v1.PublishScoringModelRequest;
import org.sqm.proto.scoring.v1.RecomputeScorecardsMetadata;
import org.sqm.proto.scoring.v1.RecomputeScorecardsRequest;
import org.sqm.proto.scoring.v1.RecomputeScorecardsResponse;
import org.sqm.proto.scoring.v1.RetireScoringModelRequest;
import org.sqm.proto.scoring.v1.RollUp;
import org.sqm.proto.scoring.v1.RollUpWeighting;
import org.sqm.proto.scoring.v1.ScoreComponent;
import org.sqm.proto.scoring.v1.ScoreMapping;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc.ScorecardServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScorecardStatus;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc.ScoringModelServiceBlockingStub;
import org.sqm.proto.scoring.v1.ScoringModelState;
import org.sqm.proto.scoring.v1.TrendPoint;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.scoring.service.RecomputeRuns;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * Recomputes end to end in the service, over gRPC, against scripted standards, inspection and
 * complaint backends: a city branch rolling up two halls, and a team whose type has no model.
 *
 * <p>Hall 1 in July: mystery shopping province 80, city 90 -> 85; complaints 9 of 10 by their
 * deadline -> 90; 0.7 x 85 + 0.3 x 90 = 86.5 (B). Hall 2: province 70 only (the city level re-spread)
 * -> 70, no complaint resolved (timeliness re-spread) -> 70 (C). City: (86.5 + 70) / 2 = 78.25 (C).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ScorecardRecomputeTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final double EPS = 1e-9;

    @GrpcClient("scoring")
    ScorecardServiceBlockingStub scorecards;

    @GrpcClient("scoring")
    OperationsBlockingStub operations;

    @GrpcClient("scoring")
    ScoringModelServiceBlockingStub models;

    String city;
    String hall1;
    String hall2;
    String team;
    ScoringModel hallModel;

    @Inject
    RecomputeRuns runs;

    @BeforeEach
    void unitsModelsAndFeeds() {
        FakeBackends.resetFeeds();
        retireAll();
        hallModel = publish(hallModel(7000, 3000));
        publish(ScoringModel.newBuilder()
                .setCode("E2E_CITY")
                .setName("City roll-up")
                .setUnitType(UnitType.UNIT_TYPE_CITY_BRANCH)
                .setRollUp(RollUp.newBuilder().setWeighting(RollUpWeighting.ROLL_UP_WEIGHTING_EQUAL))
                .setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                .setBaseScore(100)
                .addAllGradeBands(bands())
                .build());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        city = FakeBackends.listed(UnitType.UNIT_TYPE_CITY_BRANCH, "C-" + suffix, null);
        hall1 = FakeBackends.listed(UnitType.UNIT_TYPE_SERVICE_HALL, "H1-" + suffix, city);
        hall2 = FakeBackends.listed(UnitType.UNIT_TYPE_SERVICE_HALL, "H2-" + suffix, city);
        team = FakeBackends.listed(UnitType.UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM, "T-" + suffix, city);
        FakeBackends.inspectionResults = List.of(
                result(hall1, AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 80, "2026-07-05"),
                result(hall1, AuthorityLevel.AUTHORITY_LEVEL_CITY, 90, "2026-07-20"),
                result(hall2, AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 70, "2026-07-10"),
                // Finalized in August, assessed for July: counts for July only by its window start.
                result(hall1, AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL, 90, "2026-08-03"),
                result(hall1, AuthorityLevel.AUTHORITY_LEVEL_CITY, 90, "2026-08-04"));
        FakeBackends.complaintStatistics = request -> request.getPeriodStart().equals(start("2026-07-01"))
                ? List.of(UnitComplaintStatistics.newBuilder()
                        .setUnitId(hall1)
                        .setStatistics(ComplaintStatistics.newBuilder()
                                .setReceived(12)
                                .setResolved(10)
                                .setResolvedWithinDeadline(9)
                                .setShareResolvedWithinDeadline(0.9))
                        .build())
                : List.of();
    }

    @AfterEach
    void feedsBack() {
        FakeBackends.resetFeeds();
    }

    static List<GradeBand> bands() {
        return List.of(
                GradeBand.newBuilder().setGrade("A").setMinScore(90).build(),
                GradeBand.newBuilder().setGrade("B").setMinScore(80).build(),
                GradeBand.newBuilder().setGrade("C").setMinScore(0).build());
    }

    static ScoringModel hallModel(int mysteryWeight, int timelinessWeight) {
        ScoringModel.Builder model = ScoringModel.newBuilder()
                .setCode("E2E_HALL")
                .setName("Hall")
                .setUnitType(UnitType.UNIT_TYPE_SERVICE_HALL)
                .addComponents(ScoreComponent.newBuilder()
                        .setCode("MYSTERY_SHOPPING")
                        .setName("Mystery shopping")
                        .setWeightBasisPoints(mysteryWeight)
                        .setSource(ComponentSource.newBuilder()
                                .setInspectionScore(InspectionScoreSource.newBuilder()
                                        .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                                        .setFailedCountsAsZero(true)
                                        .addAuthorityWeights(AuthorityWeight.newBuilder()
                                                .setLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                                                .setWeightBasisPoints(5000))
                                        .addAuthorityWeights(AuthorityWeight.newBuilder()
                                                .setLevel(AuthorityLevel.AUTHORITY_LEVEL_CITY)
                                                .setWeightBasisPoints(5000))))
                        .setMapping(ScoreMapping.newBuilder().setDirect(DirectMapping.getDefaultInstance())));
        if (timelinessWeight > 0) {
            model.addComponents(ScoreComponent.newBuilder()
                    .setCode("COMPLAINT_TIMELINESS")
                    .setName("Complaint timeliness")
                    .setWeightBasisPoints(timelinessWeight)
                    .setSource(ComponentSource.newBuilder()
                            .setComplaintTimeliness(ComplaintTimelinessSource.getDefaultInstance()))
                    .setMapping(ScoreMapping.newBuilder().setDirect(DirectMapping.getDefaultInstance())));
        }
        return model.setMissingSourcePolicy(MissingSourcePolicy.MISSING_SOURCE_POLICY_RESPREAD)
                .setBaseScore(100)
                .addAllGradeBands(bands())
                .build();
    }

    ScoringModel publish(ScoringModel model) {
        return publish(models, model);
    }

    /** Creates the model as a draft and publishes it. */
    static ScoringModel publish(ScoringModelServiceBlockingStub models, ScoringModel model) {
        ScoringModel draft = models.createScoringModel(
                CreateScoringModelRequest.newBuilder().setScoringModel(model).build());
        return models.publishScoringModel(PublishScoringModelRequest.newBuilder()
                .setId(draft.getId())
                .setEtag(draft.getEtag())
                .build());
    }

    void retireAll() {
        retireAll(models);
    }

    /** Retires every published model, so that a test's own models are the only ones scoring. */
    static void retireAll(ScoringModelServiceBlockingStub models) {
        for (ScoringModel m : models.listScoringModels(ListScoringModelsRequest.newBuilder()
                        .setState(ScoringModelState.SCORING_MODEL_STATE_PUBLISHED)
                        .setPageSize(1000)
                        .build())
                .getScoringModelsList()) {
            models.retireScoringModel(RetireScoringModelRequest.newBuilder()
                    .setId(m.getId())
                    .setEtag(m.getEtag())
                    .build());
        }
    }

    static Timestamp start(String day) {
        return ProtoTime.timestamp(LocalDate.parse(day).atStartOfDay(ZONE).toInstant());
    }

    static InspectionResult result(String unit, AuthorityLevel level, double score, String windowStart) {
        return InspectionResult.newBuilder()
                .setInspectionId(UUID.randomUUID().toString())
                .setUnitId(unit)
                .setKind(InspectionKind.INSPECTION_KIND_MYSTERY_SHOPPING)
                .setAuthorityLevel(level)
                .setWindowStart(start(windowStart))
                .setFinalizeTime(ProtoTime.timestamp(Instant.parse("2026-08-10T00:00:00Z")))
                .setScore(InspectionScore.newBuilder().setScore(score))
                .build();
    }

    Operation recompute(String period) {
        return scorecards.recomputeScorecards(
                RecomputeScorecardsRequest.newBuilder().setPeriod(period).build());
    }

    Operation await(Operation op) {
        Operation done = operations.waitOperation(WaitOperationRequest.newBuilder()
                .setName(op.getName())
                .setTimeout(Duration.newBuilder().setSeconds(30))
                .build());
        assertTrue(done.getDone(), "the recompute ended: " + done);
        return done;
    }

    static RecomputeScorecardsResponse response(Operation op) throws InvalidProtocolBufferException {
        assertTrue(op.hasResponse(), "succeeded: " + op.getError());
        return op.getResponse().unpack(RecomputeScorecardsResponse.class);
    }

    Scorecard card(String unit, String period) {
        return scorecards.getScorecard(GetScorecardRequest.newBuilder()
                .setUnitId(unit)
                .setPeriod(period)
                .build());
    }

    @Test
    void aRecomputeLeavesOneAuditEventPerPeriodWithWhoAskedForIt() {
        String requestId = "recompute-" + UUID.randomUUID();
        Operation started = AsCaller.as(
                        org.sqm.proto.scoring.v1.ScorecardServiceGrpc.newBlockingStub(AsCaller.channel()),
                        org.sqm.testing.auth.DevTokens.token("quality-manager"),
                        requestId)
                .recomputeScorecards(RecomputeScorecardsRequest.newBuilder()
                        .setPeriod("2026-07")
                        .build());
        await(started);
        List<org.sqm.proto.common.v1.AuditEvent> ours = AsCaller.as(
                        org.sqm.proto.common.v1.AuditServiceGrpc.newBlockingStub(AsCaller.channel()),
                        org.sqm.testing.auth.DevTokens.administrator())
                .listAuditEvents(org.sqm.proto.common.v1.ListAuditEventsRequest.newBuilder()
                        .setResource("scorecards/2026-07")
                        .setPageSize(1000)
                        .build())
                .getEventsList()
                .stream()
                .filter(e -> e.getRequestId().equals(requestId))
                .toList();
        assertEquals(1, ours.size(), ours.toString());
        org.sqm.proto.common.v1.AuditEvent event = ours.get(0);
        assertEquals("quality-manager@sqm.dev", event.getActor());
        assertEquals("sqm.scoring.v1.ScorecardService/RecomputeScorecards", event.getAction());
        java.util.Map<String, String> after = new java.util.HashMap<>();
        event.getChangesList().forEach(c -> after.put(c.getField(), c.getAfter()));
        assertEquals("\"" + started.getName().substring("operations/".length()) + "\"", after.get("run_id"));
        assertTrue(Integer.parseInt(after.get("scorecards_written")) >= 3, after.toString());
        assertTrue(after.containsKey("scorecards_changed"), after.toString());
    }

    @Test
    void aRecomputeScoresEveryUnitAndExplainsEveryPoint() throws Exception {
        int resultCalls = FakeBackends.RESULT_REQUESTS.size();
        int complaintCalls = FakeBackends.COMPLAINT_REQUESTS.size();
        Operation started = recompute("2026-07");
        assertTrue(started.getName().startsWith("operations/"));
        RecomputeScorecardsMetadata metadata = started.getMetadata().unpack(RecomputeScorecardsMetadata.class);
        assertEquals("2026-07", metadata.getPeriod());
        Operation done = await(started);
        RecomputeScorecardsResponse response = response(done);
        assertEquals(3, response.getScored());
        assertEquals(0, response.getInsufficientData());
        assertEquals(1, response.getUnscored());
        assertEquals(team, response.getUnscoredUnits(0).getUnitId());
        assertEquals(
                "no published scoring model for UNIT_TYPE_ACCOUNT_MANAGEMENT_TEAM",
                response.getUnscoredUnits(0).getReason());
        RecomputeScorecardsMetadata end = done.getMetadata().unpack(RecomputeScorecardsMetadata.class);
        assertEquals(100, end.getProgressPercent());
        assertEquals(3, end.getUnitsTotal());
        assertTrue(end.hasEndTime());
        // One inspection stream by window start and one complaint stream for the whole run.
        assertEquals(resultCalls + 1, FakeBackends.RESULT_REQUESTS.size());
        assertEquals(
                InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_WINDOW_START,
                FakeBackends.RESULT_REQUESTS.get(resultCalls).getPeriodBasis());
        assertEquals(complaintCalls + 1, FakeBackends.COMPLAINT_REQUESTS.size());

        Scorecard h1 = card(hall1, "2026-07");
        assertEquals(ScorecardStatus.SCORECARD_STATUS_SCORED, h1.getStatus());
        assertEquals(86.5, h1.getScore(), EPS);
        assertEquals("B", h1.getGrade());
        assertEquals(hallModel.getId(), h1.getModelId());
        assertEquals(1, h1.getLevel());
        assertEquals(city, h1.getParentUnitId());
        assertEquals(done.getName(), h1.getOperation());
        assertTrue(h1.hasComputeTime());
        assertEquals(85, h1.getComponents(0).getRawValue(), EPS);
        assertEquals(2, h1.getComponents(0).getInputsCount());
        assertEquals(90, h1.getComponents(1).getRawValue(), EPS);
        assertEquals(hall1 + "/2026-07", h1.getComponents(1).getInputs(0).getId());
        assertFalse(h1.getExplanation().isEmpty());

        Scorecard h2 = card(hall2, "2026-07");
        assertEquals(70, h2.getScore(), EPS);
        assertFalse(h2.getComponents(1).getPresent());

        Scorecard c = card(city, "2026-07");
        assertEquals(78.25, c.getScore(), EPS);
        assertEquals(0, c.getLevel());
        assertEquals(3, c.getChildrenCount(), "both halls and the team, which has no scorecard");
        assertEquals(h1.getId(), c.getChildren(0).getScorecardId());
        assertEquals(h2.getId(), c.getChildren(1).getScorecardId());
        assertFalse(c.getChildren(2).getPresent());

        var missing = assertThrows(StatusRuntimeException.class, () -> card(team, "2026-07"));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    }

    @Test
    void listsFilterAndPage() {
        await(recompute("2026-07"));
        ListScorecardsResponse all = scorecards.listScorecards(ListScorecardsRequest.newBuilder()
                .setPeriod("2026-07")
                .setPageSize(1000)
                .build());
        List<String> ours = all.getScorecardsList().stream()
                .map(Scorecard::getUnitId)
                .filter(id -> List.of(city, hall1, hall2).contains(id))
                .toList();
        assertEquals(List.of(city, hall1, hall2), ours, "by unit code");
        ListScorecardsResponse halls = scorecards.listScorecards(ListScorecardsRequest.newBuilder()
                .setPeriod("2026-07")
                .setParentUnitId(city)
                .setPageSize(1)
                .build());
        assertEquals(
                List.of(hall1),
                halls.getScorecardsList().stream().map(Scorecard::getUnitId).toList());
        assertFalse(halls.getNextPageToken().isEmpty());
        ListScorecardsResponse next = scorecards.listScorecards(ListScorecardsRequest.newBuilder()
                .setPeriod("2026-07")
                .setParentUnitId(city)
                .setPageSize(1)
                .setPageToken(halls.getNextPageToken())
                .build());
        assertEquals(
                List.of(hall2),
                next.getScorecardsList().stream().map(Scorecard::getUnitId).toList());
        assertEquals("", next.getNextPageToken());
        ListScorecardsResponse top = scorecards.listScorecards(ListScorecardsRequest.newBuilder()
                .setPeriod("2026-07")
                .setLevel(0)
                .setUnitType(UnitType.UNIT_TYPE_CITY_BRANCH)
                .build());
        assertTrue(top.getScorecardsList().stream().allMatch(s -> s.getLevel() == 0));
        assertTrue(top.getScorecardsList().stream().anyMatch(s -> s.getUnitId().equals(city)));
        var wrongToken = assertThrows(
                StatusRuntimeException.class,
                () -> scorecards.listScorecards(ListScorecardsRequest.newBuilder()
                        .setPeriod("2026-07")
                        .setPageToken(halls.getNextPageToken())
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, wrongToken.getStatus().getCode());
    }

    @Test
    void theSameInputsGiveTheSameExplanationsInNewScorecards() {
        Operation firstRun = await(recompute("2026-07"));
        Scorecard first = card(hall1, "2026-07");
        Scorecard firstCity = card(city, "2026-07");
        Operation again = await(recompute("2026-07"));
        Scorecard second = card(hall1, "2026-07");
        Scorecard secondCity = card(city, "2026-07");
        assertEquals(again.getName(), second.getOperation());
        assertNotEquals(first.getId(), second.getId());
        assertEquals(first.getExplanation(), second.getExplanation());
        assertEquals(first.getInputsFingerprint(), second.getInputsFingerprint());
        assertEquals(firstCity.getExplanation(), secondCity.getExplanation());
        assertEquals(firstCity.getInputsFingerprint(), secondCity.getInputsFingerprint());
        assertNotEquals(
                firstCity.getChildren(0).getScorecardId(),
                secondCity.getChildren(0).getScorecardId());

        // The current run cannot be deleted; the superseded one can, with its scorecards.
        var current = assertThrows(StatusRuntimeException.class, () -> delete(again.getName()));
        assertEquals(Status.Code.FAILED_PRECONDITION, current.getStatus().getCode());
        assertEquals("OPERATION_CURRENT", GrpcErrors.errorInfo(current).getReason());
        delete(firstRun.getName());
        var gone = assertThrows(
                StatusRuntimeException.class,
                () -> operations.getOperation(GetOperationRequest.newBuilder()
                        .setName(firstRun.getName())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, gone.getStatus().getCode());
        assertEquals(second, card(hall1, "2026-07"));
    }

    private void delete(String name) {
        operations.deleteOperation(
                DeleteOperationRequest.newBuilder().setName(name).build());
    }

    @Test
    void aRecomputeThatFailsHalfwayLeavesThePreviousScorecards() {
        await(recompute("2026-Q3"));
        Scorecard before = card(hall1, "2026-07");
        Scorecard quarterBefore = card(hall1, "2026-Q3");
        // July reads, August's complaint statistics fail: the run has written July's cards by then.
        FakeBackends.complaintFailure = Status.FAILED_PRECONDITION.withDescription("statistics unavailable");
        FakeBackends.complaintFails = r -> r.getPeriodStart().equals(start("2026-08-01"));
        Operation failed = await(recompute("2026-Q3"));
        assertFalse(failed.hasResponse());
        assertEquals(Status.Code.FAILED_PRECONDITION.value(), failed.getError().getCode());
        assertTrue(
                failed.getError().getMessage().contains("complaint-service"),
                failed.getError().getMessage());
        assertEquals(before.getId(), card(hall1, "2026-07").getId());
        assertEquals(quarterBefore.getId(), card(hall1, "2026-Q3").getId());
        Operation read = operations.getOperation(
                GetOperationRequest.newBuilder().setName(failed.getName()).build());
        assertEquals(failed.getError(), read.getError());
    }

    @Test
    void aCancelledRecomputePublishesNothing() {
        FakeBackends.complaintDelayMillis = 1500;
        Operation started = recompute("2026-09");
        operations.cancelOperation(
                CancelOperationRequest.newBuilder().setName(started.getName()).build());
        Operation done = await(started);
        assertEquals(Status.Code.CANCELLED.value(), done.getError().getCode());
        var none = assertThrows(StatusRuntimeException.class, () -> card(hall1, "2026-09"));
        assertEquals(Status.Code.NOT_FOUND, none.getStatus().getCode());
        List<Operation> listed = operations
                .listOperations(ListOperationsRequest.newBuilder()
                        .setFilter("period=\"2026-09\"")
                        .build())
                .getOperationsList();
        assertEquals(started.getName(), listed.get(0).getName(), "newest first");
        assertTrue(listed.stream().allMatch(o -> o.getDone()));
    }

    @Test
    void concurrentRecomputesOfAPeriodJoin() throws Exception {
        FakeBackends.complaintDelayMillis = 800;
        List<CompletableFuture<Operation>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> recompute("2026-08")));
        }
        List<String> names = new ArrayList<>();
        for (var call : calls) {
            names.add(call.get().getName());
        }
        assertEquals(1, names.stream().distinct().count(), names.toString());
        RecomputeScorecardsResponse response = response(await(calls.get(0).get()));
        assertEquals(3, response.getScored() + response.getInsufficientData());
    }

    @Test
    void aRunWithoutHeartbeatIsFailedByTheNextRecompute() {
        UUID dead = UUID.randomUUID();
        assertTrue(runs.insertRunning(dead, "2026-05", Instant.now().minusSeconds(600)));
        Operation next = await(recompute("2026-05"));
        assertNotEquals("operations/" + dead, next.getName());
        Operation abandoned = operations.getOperation(
                GetOperationRequest.newBuilder().setName("operations/" + dead).build());
        assertTrue(abandoned.getDone());
        assertEquals(Status.Code.ABORTED.value(), abandoned.getError().getCode());
        // A live run is joined instead.
        UUID live = UUID.randomUUID();
        assertTrue(runs.insertRunning(live, "2026-04", Instant.now()));
        assertEquals("operations/" + live, recompute("2026-04").getName());
        var running = assertThrows(StatusRuntimeException.class, () -> delete("operations/" + live));
        assertEquals("OPERATION_RUNNING", GrpcErrors.errorInfo(running).getReason());
        runs.end(live, RecomputeRuns.CANCELLED, new byte[0], Instant.now());
    }

    @Test
    void badPeriodsAndNoModelAreRefused() {
        LocalDate today = LocalDate.now(ZONE);
        for (var bad : List.of(
                new String[] {String.valueOf(today.getYear() + 1), "PERIOD_IN_FUTURE"},
                new String[] {today.plusMonths(1).toString().substring(0, 7), "PERIOD_IN_FUTURE"},
                new String[] {today.toString().substring(0, 7), "PERIOD_NOT_CLOSED"},
                new String[] {String.valueOf(today.getYear()), "PERIOD_NOT_CLOSED"},
                new String[] {"2026-13", "INVALID_FIELDS"},
                new String[] {"", "INVALID_FIELDS"})) {
            var e = assertThrows(StatusRuntimeException.class, () -> recompute(bad[0]));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), bad[0]);
            assertEquals(bad[1], GrpcErrors.errorInfo(e).getReason(), bad[0]);
            assertEquals(List.of("period"), GrpcErrors.violatedFields(e), bad[0]);
        }
        retireAll();
        var none = assertThrows(StatusRuntimeException.class, () -> recompute("2026-07"));
        assertEquals(Status.Code.FAILED_PRECONDITION, none.getStatus().getCode());
        assertEquals("NO_PUBLISHED_MODEL", GrpcErrors.errorInfo(none).getReason());
        var delete = assertThrows(StatusRuntimeException.class, () -> delete("operations/x"));
        assertEquals(Status.Code.NOT_FOUND, delete.getStatus().getCode());
        var unknown = assertThrows(
                StatusRuntimeException.class,
                () -> operations.getOperation(GetOperationRequest.newBuilder()
                        .setName("operations/" + UUID.randomUUID())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    }

    @Test
    void oldScorecardsKeepTheModelVersionTheyUsed() {
        await(recompute("2026-06"));
        await(recompute("2026-07"));
        // Version 2: mystery shopping alone. July again: 85.
        ScoringModel v2 = publish(hallModel(10000, 0));
        assertEquals(hallModel.getVersion() + 1, v2.getVersion());
        Operation july = await(recompute("2026-07"));
        assertEquals(v2.getId(), card(hall1, "2026-07").getModelId());
        assertEquals(85, card(hall1, "2026-07").getScore(), EPS);
        assertEquals(hallModel.getId(), card(hall1, "2026-06").getModelId(), "June keeps version 1");
        ScoreTrend trend = scorecards.getScoreTrend(GetScoreTrendRequest.newBuilder()
                .setUnitId(hall1)
                .setPeriod("2026-08")
                .setCount(4)
                .build());
        assertEquals(
                List.of("2026-05", "2026-06", "2026-07", "2026-08"),
                trend.getPointsList().stream().map(p -> p.getPeriod()).toList());
        assertEquals(
                ScorecardStatus.SCORECARD_STATUS_UNSPECIFIED, trend.getPoints(0).getStatus());
        assertFalse(trend.getPoints(0).hasScore());
        // June: nothing assessed for June, no complaints: insufficient data, with model version 1.
        assertEquals(
                ScorecardStatus.SCORECARD_STATUS_INSUFFICIENT_DATA,
                trend.getPoints(1).getStatus());
        assertEquals(hallModel.getVersion(), trend.getPoints(1).getModelVersion());
        assertEquals(85, trend.getPoints(2).getScore(), EPS);
        assertEquals(v2.getVersion(), trend.getPoints(2).getModelVersion());
        assertNotEquals(july.getName(), "");
        assertFalse(trend.getPoints(3).hasScore());
        assertFalse(trend.hasLatestScorecard(), "only when asked for");

        // Asked for, the trend brings the latest scored period's whole scorecard, as GetScorecard gives it.
        ScoreTrend withCard = scorecards.getScoreTrend(GetScoreTrendRequest.newBuilder()
                .setUnitId(hall1)
                .setPeriod("2026-08")
                .setCount(4)
                .setIncludeLatestScorecard(true)
                .build());
        assertEquals(trend.getPointsList(), withCard.getPointsList());
        TrendPoint latest = withCard.getPointsList().stream()
                .filter(p -> !p.getScorecardId().isEmpty())
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals(card(hall1, latest.getPeriod()), withCard.getLatestScorecard());
        assertEquals(latest.getScorecardId(), withCard.getLatestScorecard().getId());
        // A trend without a scorecard has none to bring.
        ScoreTrend empty = scorecards.getScoreTrend(GetScoreTrendRequest.newBuilder()
                .setUnitId(hall1)
                .setPeriod("2019-03")
                .setCount(3)
                .setIncludeLatestScorecard(true)
                .build());
        assertFalse(empty.hasLatestScorecard());
    }

    @Test
    void aQuarterIsTheMeanOfItsMonthsComputedInTheSameRun() throws Exception {
        // Hall 1: July 86.5, August 90 (province 90, city 90; no complaint resolved, re-spread),
        // September insufficient (no data): (86.5 + 90) / 2 = 88.25 (B).
        Operation q = await(recompute("2026-Q3"));
        RecomputeScorecardsResponse response = response(q);
        // Four periods (three months and the quarter) of three scored units, less the empty months.
        assertEquals(12, response.getScored() + response.getInsufficientData());
        Scorecard quarter = card(hall1, "2026-Q3");
        assertEquals(88.25, quarter.getScore(), EPS);
        assertEquals("B", quarter.getGrade());
        assertEquals(3, quarter.getSubPeriodsCount());
        Scorecard august = card(hall1, "2026-08");
        assertEquals(90, august.getScore(), EPS);
        assertEquals(q.getName(), august.getOperation(), "the quarter's run republished its months");
        assertEquals(august.getId(), quarter.getSubPeriods(1).getScorecardId());
        assertFalse(quarter.getSubPeriods(2).getPresent());
        // The city's quarter: July 78.25, August 90 (hall 2 has no August data), September none.
        assertEquals((78.25 + 90) / 2, card(city, "2026-Q3").getScore(), EPS);
    }
}
