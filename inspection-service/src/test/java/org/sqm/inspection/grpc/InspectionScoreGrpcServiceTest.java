package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sqm.inspection.grpc.InspectionFlows.code;
import static org.sqm.inspection.grpc.InspectionFlows.level;
import static org.sqm.inspection.grpc.InspectionFlows.notApplicable;
import static org.sqm.inspection.grpc.InspectionFlows.score;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.CompleteRectificationOrderRequest;
import org.sqm.proto.inspection.v1.CriterionScore;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionMove;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionScore;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.RectificationMove;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.StartRectificationOrderRequest;
import org.sqm.proto.inspection.v1.SubmitInspectionRequest;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** The score stored at finalization, shown on the inspection and in the results; who made every move. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InspectionScoreGrpcServiceTest {

    @GrpcClient("inspections")
    InspectionServiceBlockingStub inspections;

    @GrpcClient("inspectors")
    InspectorServiceBlockingStub inspectors;

    @GrpcClient("orders")
    RectificationServiceBlockingStub orders;

    @Inject
    DataSource db;

    InspectionFlows flows() {
        return new InspectionFlows(inspections, inspectors);
    }

    Inspection get(String id) {
        return inspections.getInspection(
                GetInspectionRequest.newBuilder().setId(id).build());
    }

    @Test
    void finalizingStoresTheWeightedScoreAndTheCriticalFailure() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        // Weights 1, 2 and 3; 2.1.1 is critical and in criterion 2.
        FakeStandardsBackend.publish(std, 1, "1.1.1:m:1", "1.1.2::2", "2.1.1:mc:3");
        Inspection rated = flows().rate(
                        flows().started(flows().onSite(unit, std), "ana"),
                        level("1.1.1", "COMPLIANCE_PLUS"),
                        notApplicable("1.1.2"),
                        level("2.1.1", "NON_COMPLIANCE"));
        Inspection submitted = inspections.submitInspection(SubmitInspectionRequest.newBuilder()
                .setId(rated.getId())
                .setEtag(rated.getEtag())
                .build());
        assertFalse(submitted.hasScore(), "no score before finalization");
        Instant from = Instant.now().minusSeconds(1);
        Inspection finalized =
                inspections.finalizeInspection(org.sqm.proto.inspection.v1.FinalizeInspectionRequest.newBuilder()
                        .setId(submitted.getId())
                        .setEtag(submitted.getEtag())
                        .setActor("lead")
                        .build());

        // 1.1.1 COMPLIANCE_PLUS: weight 1, share 100/100; 1.1.2 not applicable: out; 2.1.1 NON_COMPLIANCE:
        // weight 3, share 0. (1 * 1 + 3 * 0) / (1 + 3) = 0.25 -> 25.00. Criterion 1: 100, criterion 2: 0.
        InspectionScore expected = InspectionScore.newBuilder()
                .setScore(25.0)
                .setCountedElements(2)
                .setCountedWeight(4)
                .addCriteria(CriterionScore.newBuilder()
                        .setCriterionCode("1")
                        .setScore(100.0)
                        .setCountedElements(1)
                        .setCountedWeight(1))
                .addCriteria(CriterionScore.newBuilder()
                        .setCriterionCode("2")
                        .setScore(0.0)
                        .setCountedElements(1)
                        .setCountedWeight(3))
                .setFailed(true)
                .addFailedElementCodes("2.1.1")
                .build();
        assertEquals(expected, finalized.getScore());
        assertEquals(expected, get(finalized.getId()).getScore());
        InspectionResult result = inspections
                .listInspectionResults(ListInspectionResultsRequest.newBuilder()
                        .setFinalizedFrom(ProtoTime.timestamp(from))
                        .setFinalizedUntil(ProtoTime.timestamp(Instant.now().plusSeconds(1)))
                        .setUnitId(unit)
                        .build())
                .getResults(0);
        assertEquals(expected, result.getScore());

        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT score, failed FROM inspection WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(finalized.getId()));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(new BigDecimal("25.00"), rs.getBigDecimal(1));
                    assertTrue(rs.getBoolean(2));
                }
            }
            // Never recomputed, not even by hand: the finalized row refuses every change.
            try (PreparedStatement ps = c.prepareStatement("UPDATE inspection SET score = 99 WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(finalized.getId()));
                assertThrows(SQLException.class, ps::executeUpdate);
            }
        }
    }

    @Test
    void aNumericScaleScoresFromItsRange() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        // Scores 0 to 10, pass 6; weights 2 and 1.
        FakeStandardsBackend.publish(std, 1, FakeStandardsBackend.numeric(), "1.1.1:m:2", "1.1.2:m:1");
        Inspection finalized = flows().finalized(unit, std, "lead", score("1.1.1", 9), score("1.1.2", 3));
        // (2 * 9 + 1 * 3) / (10 * (2 + 1)) = 21 / 30 = 0.7 -> 70.00; nothing critical, so not failed.
        assertEquals(70.0, finalized.getScore().getScore());
        assertEquals(3, finalized.getScore().getCountedWeight());
        assertFalse(finalized.getScore().getFailed());
        assertEquals(1, finalized.getScore().getCriteriaCount());
    }

    @Test
    void everyMoveOfAnInspectionAndItsOrdersSaysWhoMadeIt() throws SQLException {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m", "1.1.2:m");
        Inspection finalized =
                flows().finalized(unit, std, "lead", level("1.1.1", "COMPLIANT"), level("1.1.2", "NON_COMPLIANCE"));
        assertEquals(
                List.of(
                        "lead START SCHEDULED->IN_PROGRESS ",
                        "api SUBMIT IN_PROGRESS->SUBMITTED ",
                        "lead FINALIZE SUBMITTED->FINALIZED accepted"),
                finalized.getHistoryList().stream()
                        .map(InspectionScoreGrpcServiceTest::line)
                        .toList());
        assertEquals(finalized.getHistoryList(), get(finalized.getId()).getHistoryList());
        assertEquals(
                0,
                inspections
                        .listInspections(ListInspectionsRequest.newBuilder()
                                .setUnitId(unit)
                                .build())
                        .getInspections(0)
                        .getHistoryCount(),
                "lists leave the history out");

        RectificationOrder order = orders.listRectificationOrders(ListRectificationOrdersRequest.newBuilder()
                        .setInspectionId(finalized.getId())
                        .build())
                .getOrders(0);
        RectificationOrder started = orders.startRectificationOrder(StartRectificationOrderRequest.newBuilder()
                .setId(order.getId())
                .setEtag(order.getEtag())
                .setActor("hall manager")
                .build());
        Instant due = Instant.now().plus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        RectificationOrder updated = orders.updateRectificationOrder(UpdateRectificationOrderRequest.newBuilder()
                .setOrder(RectificationOrder.newBuilder()
                        .setId(order.getId())
                        .setEtag(started.getEtag())
                        .setDueTime(ProtoTime.timestamp(due)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("due_time"))
                .setActor("city supervisor")
                .build());

        // A too long actor is a bad field, and nothing is written.
        StatusRuntimeException tooLong = assertThrows(
                StatusRuntimeException.class,
                () -> orders.completeRectificationOrder(CompleteRectificationOrderRequest.newBuilder()
                        .setId(order.getId())
                        .setEtag(updated.getEtag())
                        .setNote("replaced the queue machine")
                        .setActor("x".repeat(101))
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, tooLong.getStatus().getCode());
        assertEquals(List.of("actor"), GrpcErrors.violatedFields(tooLong));
        RectificationOrder done = orders.completeRectificationOrder(CompleteRectificationOrderRequest.newBuilder()
                .setId(order.getId())
                .setEtag(updated.getEtag())
                .setNote("replaced the queue machine")
                .setActor("hall manager")
                .build());
        assertEquals(RectificationStatus.RECTIFICATION_STATUS_DONE, done.getStatus());
        List<String> history = done.getHistoryList().stream()
                .map(InspectionScoreGrpcServiceTest::line)
                .toList();
        assertEquals(4, history.size(), history.toString());
        assertEquals("lead ISSUE ->OPEN issued on finalizing inspection " + finalized.getId(), history.get(0));
        assertEquals("hall manager START OPEN->IN_PROGRESS ", history.get(1));
        assertTrue(
                history.get(2).startsWith("city supervisor UPDATE IN_PROGRESS->IN_PROGRESS due_time "), history.get(2));
        assertTrue(history.get(2).endsWith(" -> " + due), history.get(2));
        assertEquals("hall manager COMPLETE IN_PROGRESS->DONE replaced the queue machine", history.get(3));
        assertEquals(
                done,
                orders.getRectificationOrder(GetRectificationOrderRequest.newBuilder()
                        .setId(order.getId())
                        .build()));

        // The history is append-only, also for SQL written by hand.
        try (Connection c = db.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE move_history SET actor = 'someone else' WHERE subject_id = ?")) {
            ps.setObject(1, UUID.fromString(order.getId()));
            assertThrows(SQLException.class, ps::executeUpdate);
        }
    }

    @Test
    void aMoveWithABadActorWritesNothing() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        String std = code();
        FakeStandardsBackend.publish(std, 1, "1.1.1:m");
        Inspection started = flows().started(flows().onSite(unit, std), "ana");
        StatusRuntimeException e = assertThrows(
                StatusRuntimeException.class,
                () -> inspections.cancelInspection(org.sqm.proto.inspection.v1.CancelInspectionRequest.newBuilder()
                        .setId(started.getId())
                        .setEtag(started.getEtag())
                        .setActor("y".repeat(101))
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(List.of("note", "actor"), GrpcErrors.violatedFields(e));
        Inspection unchanged = get(started.getId());
        assertEquals(InspectionStatus.INSPECTION_STATUS_IN_PROGRESS, unchanged.getStatus());
        assertEquals(started.getEtag(), unchanged.getEtag());
        assertEquals(1, unchanged.getHistoryCount());
    }

    static String line(InspectionMove m) {
        return m.getActor() + " " + m.getAction() + " "
                + status(m.getFromStatus().name()) + "->"
                + status(m.getToStatus().name()) + " " + m.getNote();
    }

    static String line(RectificationMove m) {
        return m.getActor() + " " + m.getAction() + " "
                + status(m.getFromStatus().name()) + "->"
                + status(m.getToStatus().name()) + " " + m.getNote();
    }

    /** INSPECTION_STATUS_IN_PROGRESS -> IN_PROGRESS; an unset status -> empty. */
    static String status(String name) {
        return name.endsWith("UNSPECIFIED") ? "" : name.replaceFirst("^(INSPECTION|RECTIFICATION)_STATUS_", "");
    }
}
