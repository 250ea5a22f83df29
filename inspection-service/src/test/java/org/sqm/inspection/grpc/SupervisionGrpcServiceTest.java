package org.sqm.inspection.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.TestClock;
import org.sqm.inspection.service.InspectionWatch;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CompleteSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.CreateSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.GetSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.RecordSupervisionCauseRequest;
import org.sqm.proto.inspection.v1.SubmitSupervisionReportRequest;
import org.sqm.proto.inspection.v1.SupervisionMove;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionReport;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc.SupervisionServiceBlockingStub;
import org.sqm.proto.inspection.v1.SupervisionStatus;
import org.sqm.proto.standards.v1.UnitType;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** Supervision orders issued by an authority: cause, status reports at an interval, completion, the watch. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SupervisionGrpcServiceTest {

    /** Issue time of the orders here: a moment no other test's data is near. */
    static final Instant T0 = Instant.parse("2022-03-02T08:00:00Z");

    @GrpcClient("supervision")
    SupervisionServiceBlockingStub supervision;

    @Inject
    TestClock clock;

    @Inject
    InspectionWatch watch;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static SupervisionOrder.Builder order(String unit) {
        return SupervisionOrder.newBuilder()
                .setUnitId(unit)
                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_PROVINCIAL)
                .setIssuer("Sichuan Provincial Company, Customer Service Department")
                .setProblem("Queue times above 30 minutes at the Tongchuan hall")
                .setDueTime(ProtoTime.timestamp(T0.plus(Duration.ofDays(20))))
                .setReportInterval(ProtoTime.duration(Duration.ofDays(7)));
    }

    SupervisionOrder create(SupervisionOrder.Builder order, String requestId, String actor) {
        return supervision.createSupervisionOrder(CreateSupervisionOrderRequest.newBuilder()
                .setOrder(order)
                .setRequestId(requestId)
                .setActor(actor)
                .build());
    }

    SupervisionOrder get(String id) {
        return supervision.getSupervisionOrder(
                GetSupervisionOrderRequest.newBuilder().setId(id).build());
    }

    SupervisionOrder report(SupervisionOrder o, String note, String actor) {
        return supervision.submitSupervisionReport(SubmitSupervisionReportRequest.newBuilder()
                .setId(o.getId())
                .setEtag(o.getEtag())
                .setNote(note)
                .setActor(actor)
                .build());
    }

    SupervisionOrder cause(SupervisionOrder o, String cause, String actor) {
        return supervision.recordSupervisionCause(RecordSupervisionCauseRequest.newBuilder()
                .setId(o.getId())
                .setEtag(o.getEtag())
                .setCause(cause)
                .setActor(actor)
                .build());
    }

    SupervisionOrder complete(SupervisionOrder o, String note, String actor) {
        return supervision.completeSupervisionOrder(CompleteSupervisionOrderRequest.newBuilder()
                .setId(o.getId())
                .setEtag(o.getEtag())
                .setNote(note)
                .setActor(actor)
                .build());
    }

    static StatusRuntimeException refused(Status.Code code, String reason, Supplier<?> call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call::get);
        assertEquals(code, e.getStatus().getCode(), e.getMessage());
        if (reason != null) {
            assertEquals(reason, GrpcErrors.errorInfo(e).getReason());
        }
        return e;
    }

    List<String> ids(ListSupervisionOrdersRequest.Builder request) {
        return supervision.listSupervisionOrders(request.build()).getOrdersList().stream()
                .map(SupervisionOrder::getId)
                .toList();
    }

    @Test
    void anOrderGoesFromIssueThroughCauseAndReportsToDoneAndSaysWhatWasLate() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        clock.set(T0);
        String requestId = "sup-" + UUID.randomUUID();
        SupervisionOrder issued = create(order(unit), requestId, "province");
        assertEquals(SupervisionStatus.SUPERVISION_STATUS_OPEN, issued.getStatus());
        assertEquals(ProtoTime.timestamp(T0), issued.getIssueTime());
        assertEquals(ProtoTime.timestamp(T0.plus(Duration.ofDays(7))), issued.getNextReportDueTime());
        assertEquals(0, issued.getMissingReports());
        assertEquals(issued, create(order(unit), requestId, "province"), "a retry answers the first order");
        refused(
                Status.Code.ALREADY_EXISTS,
                "REQUEST_ID_REUSED",
                () -> create(order(unit).setProblem("another problem"), requestId, "province"));

        // Not done without the cause found.
        refused(Status.Code.FAILED_PRECONDITION, "CAUSE_REQUIRED", () -> complete(issued, "all fixed", "hall"));

        // Report 1 (due T0+7d) on day 1, on time; report 2 cannot come before report 1 was due.
        clock.set(T0.plus(Duration.ofDays(1)));
        SupervisionOrder first = report(issued, "two more counters staffed", "hall");
        assertFalse(first.getReports(0).getLate());
        assertEquals(ProtoTime.timestamp(T0.plus(Duration.ofDays(14))), first.getNextReportDueTime());
        clock.set(T0.plus(Duration.ofDays(2)));
        refused(Status.Code.FAILED_PRECONDITION, "REPORT_NOT_DUE", () -> report(first, "again", "hall"));
        refused(Status.Code.ABORTED, null, () -> report(issued, "stale", "hall"));

        // Day 15: report 2 (due day 14) is missing; the watch flags it, and it arrives late.
        clock.set(T0.plus(Duration.ofDays(15)));
        assertEquals(1, get(issued.getId()).getMissingReports());
        assertTrue(watch.runOnce().reportsOverdue() >= 1);
        assertTrue(get(issued.getId()).getReportOverdue());
        assertTrue(ids(ListSupervisionOrdersRequest.newBuilder().setUnitId(unit).setReportOverdueOnly(true))
                .contains(issued.getId()));
        SupervisionOrder second = report(get(issued.getId()), "queue system ordered", "hall");
        assertTrue(second.getReports(1).getLate());
        assertEquals(2, second.getReportsSubmitted());
        assertEquals(1, second.getLateReports());
        assertEquals(0, second.getMissingReports());
        assertFalse(second.getReportOverdue(), "the next report is due on day 21");

        clock.set(T0.plus(Duration.ofDays(16)));
        SupervisionOrder found = cause(second, "one counter staffed at lunch time", "hall");
        assertEquals(SupervisionStatus.SUPERVISION_STATUS_CAUSE_FOUND, found.getStatus());
        assertEquals("one counter staffed at lunch time", found.getCause());

        // Day 22: past the due time (day 20), report 3 (day 21) missing; then completed late.
        clock.set(T0.plus(Duration.ofDays(22)));
        assertTrue(watch.runOnce().supervisionOverdue() >= 1);
        assertTrue(ids(ListSupervisionOrdersRequest.newBuilder().setUnitId(unit).setOverdueOnly(true))
                .contains(issued.getId()));
        SupervisionOrder done = complete(get(issued.getId()), "queue system live", "hall");
        assertEquals(SupervisionStatus.SUPERVISION_STATUS_DONE, done.getStatus());
        assertEquals(ProtoTime.timestamp(T0.plus(Duration.ofDays(22))), done.getDoneTime());
        assertTrue(done.getOverdue(), "completed after its due time");
        assertFalse(done.hasNextReportDueTime());
        assertEquals(1, done.getMissingReports(), "report 3, due on day 21, never came");
        assertEquals(
                List.of(1, 2),
                done.getReportsList().stream().map(SupervisionReport::getNumber).toList());
        assertEquals(
                List.of(
                        "province ISSUE ->OPEN",
                        "hall REPORT OPEN->OPEN",
                        "hall REPORT OPEN->OPEN",
                        "hall RECORD_CAUSE OPEN->CAUSE_FOUND",
                        "hall COMPLETE CAUSE_FOUND->DONE"),
                done.getHistoryList().stream()
                        .map(SupervisionGrpcServiceTest::line)
                        .toList());
        assertEquals(done, get(issued.getId()));
        refused(Status.Code.FAILED_PRECONDITION, "INVALID_STATUS", () -> report(done, "late news", "hall"));
        refused(Status.Code.FAILED_PRECONDITION, "INVALID_TRANSITION", () -> cause(done, "other", "hall"));
        assertEquals(
                List.of(issued.getId()),
                ids(ListSupervisionOrdersRequest.newBuilder()
                        .setUnitId(unit)
                        .setStatus(SupervisionStatus.SUPERVISION_STATUS_DONE)));
    }

    @Test
    void openOnlyListsOrdersNotDoneInOneCallAndRefusesAStatusBesideIt() {
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        clock.set(T0);
        SupervisionOrder open = create(order(unit), "", "province");
        SupervisionOrder causeFound = cause(create(order(unit), "", "province"), "rota gap", "hall");
        complete(cause(create(order(unit), "", "province"), "rota gap", "hall"), "rota fixed", "hall");

        List<String> listed =
                ids(ListSupervisionOrdersRequest.newBuilder().setUnitId(unit).setOpenOnly(true));
        assertEquals(java.util.Set.of(open.getId(), causeFound.getId()), java.util.Set.copyOf(listed));
        assertEquals(2, listed.size());

        StatusRuntimeException both = refused(
                Status.Code.INVALID_ARGUMENT,
                null,
                () -> ids(ListSupervisionOrdersRequest.newBuilder()
                        .setUnitId(unit)
                        .setOpenOnly(true)
                        .setStatus(SupervisionStatus.SUPERVISION_STATUS_OPEN)));
        assertEquals(List.of("open_only"), GrpcErrors.violatedFields(both));
    }

    @Test
    void badInputNamesEveryFieldAndIssuesNothing() {
        clock.set(T0);
        String unit = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        StatusRuntimeException e = refused(
                Status.Code.INVALID_ARGUMENT,
                null,
                () -> create(
                        SupervisionOrder.newBuilder()
                                .setUnitId("hall 7")
                                .setAuthorityLevel(AuthorityLevel.AUTHORITY_LEVEL_UNIT)
                                .setIssuer(" ")
                                .setProblem("p".repeat(4001))
                                .setDueTime(ProtoTime.timestamp(T0.minusSeconds(1)))
                                .setReportInterval(ProtoTime.duration(Duration.ofMinutes(30))),
                        "r".repeat(101),
                        "a".repeat(101)));
        assertEquals(
                List.of(
                        "order.issuer",
                        "order.problem",
                        "request_id",
                        "actor",
                        "order.authority_level",
                        "order.due_time",
                        "order.report_interval",
                        "order.unit_id"),
                GrpcErrors.violatedFields(e));
        refused(
                Status.Code.INVALID_ARGUMENT,
                null,
                () -> create(order(unit).clearDueTime().clearReportInterval().clearAuthorityLevel(), "", ""));
        StatusRuntimeException unknown = refused(
                Status.Code.INVALID_ARGUMENT,
                null,
                () -> create(order(UUID.randomUUID().toString()), "", ""));
        assertEquals(List.of("order.unit_id"), GrpcErrors.violatedFields(unknown));
        String closed = FakeStandardsBackend.unit(null, UnitType.UNIT_TYPE_SERVICE_HALL);
        FakeStandardsBackend.deactivate(closed);
        refused(Status.Code.INVALID_ARGUMENT, null, () -> create(order(closed), "", ""));
        assertEquals(List.of(), ids(ListSupervisionOrdersRequest.newBuilder().setUnitId(unit)), "nothing issued");

        SupervisionOrder o = create(order(unit), "", "");
        assertEquals("api", o.getHistory(0).getActor());
        StatusRuntimeException blank = refused(Status.Code.INVALID_ARGUMENT, null, () -> cause(o, " ", ""));
        assertEquals(List.of("cause"), GrpcErrors.violatedFields(blank));
        StatusRuntimeException noEtag = refused(
                Status.Code.INVALID_ARGUMENT,
                null,
                () -> supervision.submitSupervisionReport(SubmitSupervisionReportRequest.newBuilder()
                        .setId(o.getId())
                        .setNote("n")
                        .build()));
        assertEquals(List.of("etag"), GrpcErrors.violatedFields(noEtag));
        refused(Status.Code.INVALID_ARGUMENT, null, () -> complete(o, "", "x".repeat(101)));
        refused(Status.Code.NOT_FOUND, null, () -> get(UUID.randomUUID().toString()));
        refused(Status.Code.INVALID_ARGUMENT, null, () -> get("42"));
        assertEquals(o, get(o.getId()), "nothing written by the refused moves");
    }

    static String line(SupervisionMove m) {
        return m.getActor() + " " + m.getAction() + " " + status(m.getFromStatus()) + "->" + status(m.getToStatus());
    }

    static String status(SupervisionStatus s) {
        return s == SupervisionStatus.SUPERVISION_STATUS_UNSPECIFIED
                ? ""
                : s.name().substring("SUPERVISION_STATUS_".length());
    }
}
