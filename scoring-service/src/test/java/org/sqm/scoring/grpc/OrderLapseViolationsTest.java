package org.sqm.scoring.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.LapseKind;
import org.sqm.proto.inspection.v1.OrderKind;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.scoring.v1.ListViolationsRequest;
import org.sqm.proto.scoring.v1.LoadScoringCatalogueRequest;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsRequest;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsResponse;
import org.sqm.proto.scoring.v1.ScoringCatalogueServiceGrpc.ScoringCatalogueServiceBlockingStub;
import org.sqm.proto.scoring.v1.Violation;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc.ViolationServiceBlockingStub;
import org.sqm.proto.scoring.v1.ViolationSource;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OrderLapseViolationsTest {

    @GrpcClient("scoring")
    ViolationServiceBlockingStub violations;

    @GrpcClient("scoring")
    ScoringCatalogueServiceBlockingStub catalogue;

    String county;

    @BeforeEach
    void catalogueAndUnit() {
        catalogue.loadScoringCatalogue(LoadScoringCatalogueRequest.getDefaultInstance());
        county = FakeBackends.unit(UnitType.UNIT_TYPE_COUNTY_BRANCH);
    }

    @AfterEach
    void feedBackToNormal() {
        FakeBackends.lapses = List.of();
        FakeBackends.lapseDelayMillis = 0;
        FakeBackends.lapseFailure = null;
    }

    static Timestamp at(String instant) {
        return ProtoTime.timestamp(Instant.parse(instant));
    }

    static OrderLapse lapse(String unit, LapseKind kind, OrderKind orderKind, String suffix, String occurred) {
        String order = UUID.randomUUID().toString();
        return OrderLapse.newBuilder()
                .setLapseId(order + suffix)
                .setKind(kind)
                .setOrderKind(orderKind)
                .setOrderId(order)
                .setUnitId(unit)
                .setDueTime(at("2026-03-01T00:00:00Z"))
                .setOccurredTime(at(occurred))
                .setDescription("order due 2026-03-01, completed " + occurred)
                .build();
    }

    RecordOrderLapseViolationsResponse run() {
        return violations.recordOrderLapseViolations(RecordOrderLapseViolationsRequest.newBuilder()
                .setPeriodStart(at("2026-03-01T00:00:00Z"))
                .setPeriodEnd(at("2026-04-01T00:00:00Z"))
                .build());
    }

    List<Violation> ledger() {
        return violations
                .listViolations(ListViolationsRequest.newBuilder()
                        .setUnitId(county)
                        .setPageSize(1000)
                        .setShowWithdrawn(true)
                        .build())
                .getViolationsList();
    }

    @Test
    void eachLapseBecomesOneViolationUnderTheRuleOfItsKind() {
        OrderLapse rectification = lapse(
                county,
                LapseKind.LAPSE_KIND_ORDER_NOT_DONE_IN_TIME,
                OrderKind.ORDER_KIND_RECTIFICATION,
                ":NOT_DONE_IN_TIME",
                "2026-03-09T00:00:00Z");
        OrderLapse supervision = lapse(
                county,
                LapseKind.LAPSE_KIND_ORDER_NOT_DONE_IN_TIME,
                OrderKind.ORDER_KIND_SUPERVISION,
                ":NOT_DONE_IN_TIME",
                "2026-03-20T00:00:00Z");
        OrderLapse report = lapse(
                county,
                LapseKind.LAPSE_KIND_STATUS_REPORT_LATE,
                OrderKind.ORDER_KIND_SUPERVISION,
                ":REPORT:1",
                "2026-03-15T00:00:00Z");
        FakeBackends.lapses = List.of(rectification, report, supervision);

        RecordOrderLapseViolationsResponse first = run();
        assertEquals(3, first.getLapsesRead());
        assertEquals(3, first.getViolationsRecorded());
        assertEquals(0, first.getAlreadyRecorded());
        StreamRequestCheck.lastRequestWasThePeriod();

        Map<String, Violation> bySource = ledger().stream().collect(Collectors.toMap(Violation::getSourceId, v -> v));
        assertEquals(
                "RECTIFICATION_NOT_DONE_IN_TIME",
                bySource.get(rectification.getLapseId()).getRuleCode());
        assertEquals(
                "SUPERVISION_NOT_FIXED_IN_TIME",
                bySource.get(supervision.getLapseId()).getRuleCode());
        assertEquals(
                "SUPERVISION_NOT_REPORTED_IN_TIME",
                bySource.get(report.getLapseId()).getRuleCode());
        Violation v = bySource.get(report.getLapseId());
        assertEquals(ViolationSource.VIOLATION_SOURCE_ORDER_LAPSE, v.getSource());
        assertEquals(1000, v.getPointsMillis());
        assertEquals(at("2026-03-15T00:00:00Z"), v.getOccurredTime());
        assertEquals("inspection-service", v.getReportedBy());
        assertTrue(v.getEvidence().contains(report.getLapseId()), v.getEvidence());

        RecordOrderLapseViolationsResponse again = run();
        assertEquals(0, again.getViolationsRecorded());
        assertEquals(3, again.getAlreadyRecorded());
        assertEquals(3, ledger().size());
    }

    @Test
    void twoRunsAtOnceRecordEachLapseExactlyOnce() throws Exception {
        List<OrderLapse> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(lapse(
                    county,
                    LapseKind.LAPSE_KIND_ORDER_NOT_DONE_IN_TIME,
                    OrderKind.ORDER_KIND_RECTIFICATION,
                    ":NOT_DONE_IN_TIME",
                    "2026-03-" + String.format("%02d", 1 + i % 28) + "T08:00:00Z"));
        }
        FakeBackends.lapses = many;
        // Both runs read the whole stream before either writes, so their writes race.
        FakeBackends.lapseDelayMillis = 200;
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<RecordOrderLapseViolationsResponse>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return run();
            }));
        }
        int recorded = 0;
        for (var run : runs) {
            RecordOrderLapseViolationsResponse response = run.get();
            assertEquals(40, response.getLapsesRead());
            assertEquals(40, response.getViolationsRecorded() + response.getAlreadyRecorded());
            recorded += response.getViolationsRecorded();
        }
        assertEquals(40, recorded);
        assertEquals(40, ledger().size());
        assertEquals(
                40, ledger().stream().map(Violation::getSourceId).distinct().count());
    }

    @Test
    void aFeedFailureIsTheDependencysAndWritesNothing() {
        FakeBackends.lapses = List.of(lapse(
                county,
                LapseKind.LAPSE_KIND_ORDER_NOT_DONE_IN_TIME,
                OrderKind.ORDER_KIND_RECTIFICATION,
                ":NOT_DONE_IN_TIME",
                "2026-03-09T00:00:00Z"));
        FakeBackends.lapseFailure = Status.INVALID_ARGUMENT.withDescription("period too long");
        var refused = assertThrows(StatusRuntimeException.class, this::run);
        assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
        assertEquals("DEPENDENCY_FAILED", GrpcErrors.errorInfo(refused).getReason());
        assertEquals("inspection-service", GrpcErrors.errorInfo(refused).getMetadataOrThrow("service"));

        FakeBackends.lapseFailure = Status.UNAVAILABLE;
        var down = assertThrows(StatusRuntimeException.class, this::run);
        assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
        assertEquals("DEPENDENCY_UNAVAILABLE", GrpcErrors.errorInfo(down).getReason());
        assertEquals(List.of(), ledger(), "a stream that broke off records nothing of what it had sent");
    }

    @Test
    void thePeriodIsCheckedBeforeAnythingIsRead() {
        int calls = FakeBackends.LAPSE_REQUESTS.size();
        for (var request : List.of(
                RecordOrderLapseViolationsRequest.getDefaultInstance(),
                RecordOrderLapseViolationsRequest.newBuilder()
                        .setPeriodStart(at("2026-04-01T00:00:00Z"))
                        .setPeriodEnd(at("2026-03-01T00:00:00Z"))
                        .build(),
                RecordOrderLapseViolationsRequest.newBuilder()
                        .setPeriodStart(at("2024-01-01T00:00:00Z"))
                        .setPeriodEnd(at("2026-01-01T00:00:00Z"))
                        .build(),
                RecordOrderLapseViolationsRequest.newBuilder()
                        .setPeriodStart(at("2026-11-01T00:00:00Z"))
                        .setPeriodEnd(at("2099-01-01T00:00:00Z"))
                        .build())) {
            var e = assertThrows(StatusRuntimeException.class, () -> violations.recordOrderLapseViolations(request));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        }
        assertEquals(calls, FakeBackends.LAPSE_REQUESTS.size());
    }

    /** What the feed was asked. */
    static final class StreamRequestCheck {
        static void lastRequestWasThePeriod() {
            var request = FakeBackends.LAPSE_REQUESTS.get(FakeBackends.LAPSE_REQUESTS.size() - 1);
            assertEquals(at("2026-03-01T00:00:00Z"), request.getPeriodStart());
            assertEquals(at("2026-04-01T00:00:00Z"), request.getPeriodEnd());
        }
    }
}
