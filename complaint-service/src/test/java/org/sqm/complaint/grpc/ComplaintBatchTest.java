package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.BatchCreateComplaintResult;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsRequest;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsResponse;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ComplaintView;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ComplaintBatchTest {

    private static final String COMPANY = UUID.randomUUID().toString();
    private static final String HALL = UUID.randomUUID().toString();
    private static final String DEPOT = UUID.randomUUID().toString();
    private static final String NO_RULES = UUID.randomUUID().toString();

    static {
        FakeStandardsBackend.register(COMPANY, null, true, true);
        FakeStandardsBackend.register(HALL, COMPANY, true, true);
        FakeStandardsBackend.register(DEPOT, COMPANY, true, true);
        FakeStandardsBackend.register(NO_RULES, COMPANY, true, false);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    private static Complaint.Builder complaint(String unitId, String description) {
        return Complaint.newBuilder()
                .setUnitId(unitId)
                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                .setCategory("WAITING_TIME")
                .setSeverity(Severity.SEVERITY_MEDIUM)
                .setDescription(description)
                .setComplainant(Complainant.newBuilder().setName("Li Wei").setPhone("+86 755 1234 5678"));
    }

    private static CreateComplaintRequest item(Complaint.Builder complaint, String requestId) {
        return CreateComplaintRequest.newBuilder()
                .setComplaint(complaint)
                .setRequestId(requestId)
                .setActor("import")
                .build();
    }

    private BatchCreateComplaintsResponse batch(List<CreateComplaintRequest> items) {
        // A bulk call: as the gateway does, it gets the bulk deadline rather than a single answer's.
        return complaints
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .batchCreateComplaints(BatchCreateComplaintsRequest.newBuilder()
                        .addAllRequests(items)
                        .build());
    }

    /** A unit of its own for a test, so that counting its complaints counts only the test's. */
    private static String freshUnit() {
        String unit = UUID.randomUUID().toString();
        FakeStandardsBackend.register(unit, COMPANY, true, true);
        return unit;
    }

    private int complaintsOf(String unitId) {
        return complaints
                .listComplaints(ListComplaintsRequest.newBuilder()
                        .setUnitId(unitId)
                        .setPageSize(1000)
                        .build())
                .getComplaintsCount();
    }

    private static List<String> fields(com.google.rpc.Status error) {
        List<String> fields = new ArrayList<>();
        for (var detail : error.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    detail.unpack(BadRequest.class).getFieldViolationsList().forEach(v -> fields.add(v.getField()));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return fields;
    }

    private static String reason(com.google.rpc.Status error) throws InvalidProtocolBufferException {
        for (var detail : error.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                return detail.unpack(ErrorInfo.class).getReason();
            }
        }
        return "";
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Deadline deadline(Complaint c, DeadlineKind kind) {
        return c.getDeadlinesList().stream()
                .filter(d -> d.getKind() == kind)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void oneBadItemDoesNotSinkTheOthersAndEachIsAnsweredInItsPlace() throws Exception {
        String unit = freshUnit();
        Instant received = Instant.parse("2026-03-02T09:15:00Z");
        BatchCreateComplaintsResponse answer = batch(List.of(
                item(
                        complaint(unit, "The queue did not move for an hour.")
                                .setReceiveTime(Timestamp.newBuilder().setSeconds(received.getEpochSecond())),
                        ""),
                item(complaint(unit, "").setCategory("NO_SUCH_CATEGORY"), ""),
                item(complaint(NO_RULES, "Nobody answered the phone all day."), ""),
                item(
                        complaint(unit, "The hall was flooded and nobody came.")
                                .setSeverity(Severity.SEVERITY_CRITICAL),
                        "")));

        assertEquals(4, answer.getResultsCount());
        Complaint first = answer.getResults(0).getComplaint();
        assertEquals(
                received.plusSeconds(8 * 3600),
                instant(deadline(first, DeadlineKind.DEADLINE_KIND_ACKNOWLEDGE).getDueTime()),
                "deadlines as single intake computes them");
        assertEquals(
                received.plusSeconds(120 * 3600),
                instant(deadline(first, DeadlineKind.DEADLINE_KIND_RESOLVE).getDueTime()));
        assertTrue(first.getReference().matches("C-2026-\\d{6}"), first.getReference());
        assertEquals(
                List.of("RECEIVE"),
                first.getHistoryList().stream().map(e -> e.getAction()).toList());
        assertEquals("import", first.getHistory(0).getActor());
        assertFalse(first.hasComplainant(), "the answer is the basic view, as CreateComplaint's");

        com.google.rpc.Status invalid = answer.getResults(1).getError();
        assertEquals(Code.INVALID_ARGUMENT_VALUE, invalid.getCode());
        assertEquals(List.of("requests[1].complaint.description", "requests[1].complaint.category"), fields(invalid));

        com.google.rpc.Status noRules = answer.getResults(2).getError();
        assertEquals(Code.FAILED_PRECONDITION_VALUE, noRules.getCode());
        assertEquals("NO_SERVICE_LEVEL", reason(noRules));

        Complaint critical = answer.getResults(3).getComplaint();
        assertEquals(COMPANY, critical.getEscalatedToUnitId(), "a critical complaint goes up at once");
        assertEquals(
                List.of("RECEIVE", "ESCALATE"),
                critical.getHistoryList().stream().map(e -> e.getAction()).toList());

        // What the batch answered is what was stored.
        Complaint stored = complaints.getComplaint(GetComplaintRequest.newBuilder()
                .setId(critical.getId())
                .setView(ComplaintView.COMPLAINT_VIEW_BASIC)
                .build());
        assertEquals(stored.getEtag(), critical.getEtag());
        assertEquals(stored.getHistoryList(), critical.getHistoryList());
        assertEquals(
                stored.getDeadlinesList().stream().map(Deadline::getDueTime).toList(),
                critical.getDeadlinesList().stream().map(Deadline::getDueTime).toList());
        assertEquals(2, complaintsOf(unit));
    }

    @Test
    void oneStandardsCallPerDistinctCaseNotPerComplaint() {
        String unit = freshUnit();
        int resolves = FakeStandardsBackend.calls("ResolveServiceLevel");
        List<CreateComplaintRequest> items = new ArrayList<>();
        IntStream.range(0, 30)
                .forEach(i -> items.add(item(complaint(unit, "Complaint number " + i + " of the day."), "")));
        IntStream.range(0, 20).forEach(i -> items.add(item(complaint(DEPOT, "Depot complaint number " + i + "."), "")));
        IntStream.range(0, 5)
                .forEach(i -> items.add(item(
                        complaint(unit, "Critical number " + i + ".").setSeverity(Severity.SEVERITY_CRITICAL), "")));

        BatchCreateComplaintsResponse answer = batch(items);

        assertTrue(answer.getResultsList().stream().allMatch(BatchCreateComplaintResult::hasComplaint));
        assertEquals(
                resolves + 3,
                FakeStandardsBackend.calls("ResolveServiceLevel"),
                "three distinct cases: the unit's medium and critical complaints, the depot's");
        assertEquals(
                55,
                answer.getResultsList().stream()
                        .map(r -> r.getComplaint().getReference())
                        .distinct()
                        .count(),
                "every complaint its own reference");
    }

    @Test
    void aRetriedBatchCreatesNothingTwice() {
        String unit = freshUnit();
        String run = UUID.randomUUID().toString();
        List<CreateComplaintRequest> items = IntStream.range(0, 10)
                .mapToObj(i -> item(complaint(unit, "Retried complaint number " + i + "."), run + "-" + i))
                .toList();

        BatchCreateComplaintsResponse first = batch(items);
        BatchCreateComplaintsResponse again = batch(items);

        assertEquals(first, again, "the retry answers the first call's complaints");
        assertEquals(10, complaintsOf(unit));
    }

    @Test
    void aRetryOfAHalfFailedBatchRecordsOnlyWhatFailed() throws Exception {
        String unit = freshUnit();
        String run = UUID.randomUUID().toString();
        List<CreateComplaintRequest> items = new ArrayList<>(IntStream.range(0, 6)
                .mapToObj(i -> item(complaint(unit, "Half-failed batch complaint " + i + "."), run + "-" + i))
                .toList());
        // Items 1, 3 and 5 are refused: no description.
        for (int i = 1; i < 6; i += 2) {
            items.set(i, item(complaint(unit, " "), run + "-" + i));
        }
        BatchCreateComplaintsResponse first = batch(items);
        assertEquals(3, complaintsOf(unit));
        for (int i = 1; i < 6; i += 2) {
            assertEquals(
                    List.of("requests[" + i + "].complaint.description"),
                    fields(first.getResults(i).getError()));
        }

        // The caller fixes the refused items and sends the whole batch again.
        for (int i = 1; i < 6; i += 2) {
            items.set(i, item(complaint(unit, "Half-failed batch complaint " + i + ", fixed."), run + "-" + i));
        }
        BatchCreateComplaintsResponse retry = batch(items);

        assertTrue(retry.getResultsList().stream().allMatch(BatchCreateComplaintResult::hasComplaint));
        for (int i = 0; i < 6; i += 2) {
            assertEquals(
                    first.getResults(i).getComplaint().getId(),
                    retry.getResults(i).getComplaint().getId());
        }
        assertEquals(6, complaintsOf(unit));

        // A retry that changes an item already recorded is refused for that item alone.
        items.set(0, item(complaint(unit, "Something else entirely, under a used id."), run + "-0"));
        BatchCreateComplaintsResponse changed = batch(items);
        assertEquals(Code.ALREADY_EXISTS_VALUE, changed.getResults(0).getError().getCode());
        assertEquals("REQUEST_ID_REUSED", reason(changed.getResults(0).getError()));
        assertEquals(retry.getResults(1), changed.getResults(1));
        assertEquals(6, complaintsOf(unit));
    }

    @Test
    void racingRetriesOfOneBatchRecordEachComplaintOnce() throws Exception {
        String unit = freshUnit();
        String run = UUID.randomUUID().toString();
        List<CreateComplaintRequest> items = IntStream.range(0, 40)
                .mapToObj(i -> item(complaint(unit, "Raced complaint number " + i + "."), run + "-" + i))
                .toList();
        // The batches' transactions collide on the request ids: the losers record item by item and
        // find the winners' complaints.
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            List<Future<BatchCreateComplaintsResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(clients.submit(() -> batch(items)));
            }
            BatchCreateComplaintsResponse first = answers.get(0).get();
            for (Future<BatchCreateComplaintsResponse> answer : answers) {
                assertEquals(
                        first.getResultsList().stream()
                                .map(r -> r.getComplaint().getId())
                                .toList(),
                        answer.get().getResultsList().stream()
                                .map(r -> r.getComplaint().getId())
                                .toList());
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(40, complaintsOf(unit));
    }

    @Test
    void theSameRequestIdTwiceInOneBatchIsOneComplaint() throws Exception {
        String unit = freshUnit();
        String id = "twice-" + UUID.randomUUID();
        String other = "twice-differs-" + UUID.randomUUID();
        BatchCreateComplaintsResponse answer = batch(List.of(
                item(complaint(unit, "Sent twice by a confused client."), id),
                item(complaint(unit, "Sent twice by a confused client."), id),
                item(complaint(unit, "The first use of another id."), other),
                item(complaint(unit, "A different complaint under that id."), other)));

        assertEquals(
                answer.getResults(0).getComplaint().getId(),
                answer.getResults(1).getComplaint().getId(),
                "the same request twice: the same complaint");
        assertTrue(answer.getResults(2).hasComplaint());
        assertEquals(Code.ALREADY_EXISTS_VALUE, answer.getResults(3).getError().getCode());
        assertEquals("REQUEST_ID_REUSED", reason(answer.getResults(3).getError()));
        assertNotEquals(
                answer.getResults(0).getComplaint().getId(),
                answer.getResults(2).getComplaint().getId());
        assertEquals(2, complaintsOf(unit));
    }

    @Test
    void aBatchOverTheLimitOrEmptyIsRefusedWhole() {
        String unit = freshUnit();
        List<CreateComplaintRequest> items = IntStream.range(0, 1001)
                .mapToObj(i -> item(complaint(unit, "One too many, number " + i + "."), ""))
                .toList();

        StatusRuntimeException over = assertThrows(StatusRuntimeException.class, () -> batch(items));
        assertEquals(Status.Code.INVALID_ARGUMENT, over.getStatus().getCode());
        assertEquals(List.of("requests"), GrpcErrors.violatedFields(over));
        assertEquals(0, complaintsOf(unit), "nothing of a refused batch is recorded");

        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class, () -> batch(List.of()));
        assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());

        BatchCreateComplaintsResponse full = batch(items.subList(0, 1000));
        assertEquals(1000, full.getResultsCount());
        assertTrue(full.getResultsList().stream().allMatch(BatchCreateComplaintResult::hasComplaint));
        assertEquals(1000, complaintsOf(unit));
    }

    @Test
    void aComplaintHandlerRecordsOnlyForTheirUnits() {
        String unit = freshUnit();
        BatchCreateComplaintsResponse answer = AsRole.as(complaints, "complaint-handler", unit)
                .batchCreateComplaints(BatchCreateComplaintsRequest.newBuilder()
                        .addRequests(item(complaint(unit, "Within the handler's units."), ""))
                        .addRequests(item(complaint(DEPOT, "Outside the handler's units."), ""))
                        .build());

        assertTrue(answer.getResults(0).hasComplaint());
        assertEquals(Code.NOT_FOUND_VALUE, answer.getResults(1).getError().getCode());
        assertEquals(
                "complaint-handler@sqm.dev",
                answer.getResults(0).getComplaint().getHistory(0).getActor(),
                "the token's subject is the actor");
    }
}
