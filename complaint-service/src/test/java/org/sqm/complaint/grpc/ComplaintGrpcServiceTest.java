package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.ComplaintView;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.DeadlineKind;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintCategoriesRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.proto.complaint.v1.RecordCallBackRequest;
import org.sqm.proto.complaint.v1.RecordSatisfactionRequest;
import org.sqm.proto.complaint.v1.ResolveComplaintRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ComplaintGrpcServiceTest {

    private static final String COMPANY = UUID.randomUUID().toString();
    private static final String BRANCH = UUID.randomUUID().toString();
    private static final String HALL = UUID.randomUUID().toString();

    static {
        FakeStandardsBackend.register(COMPANY, null, true, true);
        FakeStandardsBackend.register(BRANCH, COMPANY, true, true);
        FakeStandardsBackend.register(HALL, BRANCH, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    @GrpcClient("health")
    HealthGrpc.HealthBlockingStub health;

    private static Complaint.Builder complaint(String unitId) {
        return Complaint.newBuilder()
                .setUnitId(unitId)
                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                .setCategory("WAITING_TIME")
                .setSeverity(Severity.SEVERITY_MEDIUM)
                .setDescription("The hall closed 30 minutes before the posted time.")
                .setRemedySought("An apology and correct opening hours")
                .setComplainant(Complainant.newBuilder().setName("Li Wei").setPhone("+86 755 1234 5678"));
    }

    private Complaint create(Complaint.Builder complaint, String requestId) {
        return complaints.createComplaint(CreateComplaintRequest.newBuilder()
                .setComplaint(complaint)
                .setRequestId(requestId)
                .setActor("agent-7")
                .build());
    }

    private Complaint get(Complaint c, ComplaintView view) {
        return complaints.getComplaint(
                GetComplaintRequest.newBuilder().setId(c.getId()).setView(view).build());
    }

    private Complaint move(Complaint c, Moves move) {
        return move.on(complaints, c, "agent-7");
    }

    private static Deadline deadline(Complaint c, DeadlineKind kind) {
        return c.getDeadlinesList().stream()
                .filter(d -> d.getKind() == kind)
                .findFirst()
                .orElseThrow();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    @Test
    void theTokensSubjectIsTheActorNotTheNameTheRequestClaims() {
        io.grpc.Metadata headers = new io.grpc.Metadata();
        headers.put(
                io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + org.sqm.testing.auth.DevTokens.token("complaint-handler", HALL));
        // Intake calls standards-service from the blocking worker thread: the caller's token travels on.
        Complaint created = complaints
                .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers))
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(complaint(HALL))
                        .setActor("someone-else")
                        .build());
        assertEquals("complaint-handler@sqm.dev", created.getHistory(0).getActor());
    }

    @Test
    void intakeSetsEveryDeadlineFromTheServiceLevelAndKeepsTheComplainantConfidential() {
        Instant received = Instant.parse("2026-03-02T09:15:00Z");
        Complaint created = create(
                complaint(HALL).setReceiveTime(Timestamp.newBuilder().setSeconds(received.getEpochSecond())), "");

        assertTrue(created.getReference().matches("C-2026-\\d{6}"), created.getReference());
        assertEquals(ComplaintStatus.COMPLAINT_STATUS_RECEIVED, created.getStatus());
        assertEquals(
                received.plusSeconds(8 * 3600),
                instant(deadline(created, DeadlineKind.DEADLINE_KIND_ACKNOWLEDGE)
                        .getDueTime()));
        assertEquals(
                received.plusSeconds(24 * 3600),
                instant(deadline(created, DeadlineKind.DEADLINE_KIND_FIRST_RESPONSE)
                        .getDueTime()));
        assertEquals(
                received.plusSeconds(120 * 3600),
                instant(deadline(created, DeadlineKind.DEADLINE_KIND_RESOLVE).getDueTime()));
        assertFalse(deadline(created, DeadlineKind.DEADLINE_KIND_RESOLVE).hasUsed(), "a write measures nothing");
        assertTrue(
                deadline(get(created, ComplaintView.COMPLAINT_VIEW_BASIC), DeadlineKind.DEADLINE_KIND_RESOLVE)
                                .getUsed()
                                .getSeconds()
                        > 0,
                "a read shows the time used");
        assertTrue(
                deadline(created, DeadlineKind.DEADLINE_KIND_ACKNOWLEDGE).getBreached(),
                "a receipt long ago is overdue at once");
        assertEquals("FAKE v1 rule 0", created.getDeadlineSource());
        assertEquals(
                List.of("RECEIVE"),
                created.getHistoryList().stream().map(e -> e.getAction()).toList());
        assertEquals("agent-7", created.getHistory(0).getActor());

        assertFalse(created.hasComplainant(), "the create answer is the basic view");
        assertFalse(get(created, ComplaintView.COMPLAINT_VIEW_BASIC).hasComplainant());
        // The tests' default token is an administrator's, who does not see personal data.
        assertFalse(get(created, ComplaintView.COMPLAINT_VIEW_FULL).hasComplainant());
        assertEquals(
                "Li Wei",
                AsRole.as(complaints, "quality-manager")
                        .getComplaint(GetComplaintRequest.newBuilder()
                                .setId(created.getId())
                                .setView(ComplaintView.COMPLAINT_VIEW_FULL)
                                .build())
                        .getComplainant()
                        .getName());
        ListComplaintsResponse list = complaints.listComplaints(
                ListComplaintsRequest.newBuilder().setUnitId(HALL).build());
        assertTrue(list.getComplaintsList().stream().noneMatch(Complaint::hasComplainant));
        assertTrue(list.getComplaintsList().stream().allMatch(c -> c.getHistoryCount() == 0));
    }

    @Test
    void intakeCostsOneStandardsCallAndAnswersWhatWasStored() {
        int resolves = FakeStandardsBackend.calls("ResolveServiceLevel");
        int units = FakeStandardsBackend.calls("GetUnit");
        int measures = FakeStandardsBackend.calls("MeasureBusinessTime");
        Complaint created = create(complaint(HALL), "one-call-" + UUID.randomUUID());

        assertEquals(resolves + 1, FakeStandardsBackend.calls("ResolveServiceLevel"), "deadlines and unit in one call");
        assertEquals(units, FakeStandardsBackend.calls("GetUnit"), "the unit comes with the service level");
        assertEquals(measures, FakeStandardsBackend.calls("MeasureBusinessTime"), "a write measures nothing");
        assertEquals(3, created.getDeadlinesCount());
        created.getDeadlinesList().forEach(d -> assertFalse(d.hasUsed()));
        // The answer is built from what the insert wrote, and it is what a read returns.
        Complaint stored = get(created, ComplaintView.COMPLAINT_VIEW_BASIC);
        assertEquals(stored.getEtag(), created.getEtag());
        assertEquals(stored.getReference(), created.getReference());
        assertEquals(stored.getHistoryList(), created.getHistoryList());
        assertEquals(
                stored.getDeadlinesList().stream().map(Deadline::getDueTime).toList(),
                created.getDeadlinesList().stream().map(Deadline::getDueTime).toList());

        // Received earlier: intake measures nothing; a read measures the time used once for every deadline.
        Instant received = Instant.now().minusSeconds(3600);
        int measuresBefore = FakeStandardsBackend.calls("MeasureBusinessTime");
        Complaint late = create(
                complaint(HALL).setReceiveTime(Timestamp.newBuilder().setSeconds(received.getEpochSecond())), "");
        assertEquals(measuresBefore, FakeStandardsBackend.calls("MeasureBusinessTime"));
        Complaint read = get(late, ComplaintView.COMPLAINT_VIEW_BASIC);
        assertEquals(measuresBefore + 1, FakeStandardsBackend.calls("MeasureBusinessTime"));
        read.getDeadlinesList().forEach(d -> assertTrue(d.getUsed().getSeconds() >= 3600, d.toString()));
    }

    @Test
    void aCallThatOutlivesItsDeadlineLeavesTheOtherCallsOnTheConnectionAlone() throws Exception {
        // A client gives up on a slow call (RST_STREAM) while other calls share the HTTP/2 connection;
        // the service's late answer to the abandoned call must not tear the connection down under them.
        String slow = UUID.randomUUID().toString();
        String slower = UUID.randomUUID().toString();
        FakeStandardsBackend.register(slow, null, true, true);
        FakeStandardsBackend.register(slower, null, true, true);
        FakeStandardsBackend.DELAYS.put(slow, 1_000L);
        FakeStandardsBackend.DELAYS.put(slower, 2_500L);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var abandoned = pool.submit(() -> complaints
                    .withDeadlineAfter(300, java.util.concurrent.TimeUnit.MILLISECONDS)
                    .createComplaint(CreateComplaintRequest.newBuilder()
                            .setComplaint(complaint(slow))
                            .build()));
            var patient = pool.submit(() -> complaints
                    .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
                    .createComplaint(CreateComplaintRequest.newBuilder()
                            .setComplaint(complaint(slower))
                            .build()));
            var gaveUp = assertThrows(java.util.concurrent.ExecutionException.class, abandoned::get);
            assertEquals(
                    Status.Code.DEADLINE_EXCEEDED,
                    ((StatusRuntimeException) gaveUp.getCause()).getStatus().getCode());
            assertEquals(slower, patient.get().getUnitId(), "the call in flight when the late answer came");
        } finally {
            pool.shutdownNow();
            FakeStandardsBackend.DELAYS.clear();
        }
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsWritten() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> create(
                        Complaint.newBuilder()
                                .setUnitId("hall 7")
                                .setChannelValue(42)
                                .setCategory("NOT_A_CATEGORY")
                                .setDescription("x".repeat(10_001))
                                .setComplainant(Complainant.newBuilder().setEmail("not-an-address"))
                                .setReceiveTime(Timestamp.newBuilder()
                                        .setSeconds(Instant.now().getEpochSecond() + 86_400)),
                        ""));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals(
                List.of(
                        "complaint.unit_id",
                        "complaint.channel",
                        "complaint.severity",
                        "complaint.description",
                        "complaint.complainant.name",
                        "complaint.complainant.email",
                        "complaint.receive_time",
                        "complaint.category"),
                GrpcErrors.violatedFields(e));

        String unknownUnit = UUID.randomUUID().toString();
        var unknown = assertThrows(StatusRuntimeException.class, () -> create(complaint(unknownUnit), ""));
        assertEquals(List.of("complaint.unit_id"), GrpcErrors.violatedFields(unknown));

        String inactive = UUID.randomUUID().toString();
        FakeStandardsBackend.register(inactive, null, false, true);
        var closed = assertThrows(StatusRuntimeException.class, () -> create(complaint(inactive), ""));
        assertEquals(List.of("complaint.unit_id"), GrpcErrors.violatedFields(closed));

        String noTargets = UUID.randomUUID().toString();
        FakeStandardsBackend.register(noTargets, null, true, false);
        var noLevel = assertThrows(StatusRuntimeException.class, () -> create(complaint(noTargets), ""));
        assertEquals(Status.Code.FAILED_PRECONDITION, noLevel.getStatus().getCode());
        assertEquals("NO_SERVICE_LEVEL", GrpcErrors.errorInfo(noLevel).getReason());

        for (String unit : List.of(unknownUnit, inactive, noTargets)) {
            assertEquals(
                    0,
                    complaints
                            .listComplaints(ListComplaintsRequest.newBuilder()
                                    .setUnitId(unit)
                                    .build())
                            .getComplaintsCount());
        }
    }

    @Test
    void racingRetriesRecordOneComplaintAndAReusedRequestIdIsRefused() throws Exception {
        String requestId = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Complaint>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(() -> create(complaint(HALL), requestId));
            }
            Set<String> references = new HashSet<>();
            for (Future<Complaint> f : pool.invokeAll(calls)) {
                references.add(f.get().getReference());
            }
            assertEquals(1, references.size(), "every retry returns the same complaint");
        } finally {
            pool.shutdownNow();
        }
        var reused = assertThrows(
                StatusRuntimeException.class,
                () -> create(complaint(HALL).setDescription("A different complaint"), requestId));
        assertEquals(Status.Code.ALREADY_EXISTS, reused.getStatus().getCode());
        assertEquals("REQUEST_ID_REUSED", GrpcErrors.errorInfo(reused).getReason());
    }

    private static final List<Moves> ACTIONS = List.of(
            Moves.ACKNOWLEDGE,
            Moves.START_INVESTIGATION,
            Moves.WAIT_ON_CUSTOMER,
            Moves.RESUME,
            Moves.RESOLVE,
            Moves.CLOSE,
            Moves.REOPEN,
            Moves.WITHDRAW);

    /** How to reach each status from RECEIVED. */
    private static final List<List<Moves>> PATHS = List.of(
            List.of(),
            List.of(Moves.ACKNOWLEDGE),
            List.of(Moves.ACKNOWLEDGE, Moves.START_INVESTIGATION),
            List.of(Moves.START_INVESTIGATION, Moves.WAIT_ON_CUSTOMER),
            List.of(Moves.START_INVESTIGATION, Moves.RESOLVE),
            List.of(Moves.START_INVESTIGATION, Moves.RESOLVE, Moves.CLOSE),
            List.of(Moves.WITHDRAW));

    /** Allowed moves per status, in the order of PATHS (rows) and ACTIONS (columns). */
    private static final String[] TABLE = {
        // ACK START WAIT RESUME RESOLVE CLOSE REOPEN WITHDRAW
        "YY_____Y", // RECEIVED
        "_Y_____Y", // ACKNOWLEDGED
        "__Y_Y__Y", // INVESTIGATING
        "___Y___Y", // WAITING_ON_CUSTOMER
        "_____YY_", // RESOLVED
        "______Y_", // CLOSED
        "________", // WITHDRAWN
    };

    @Test
    void theTransitionTableAllowsExactlyItsMoves() {
        for (int row = 0; row < PATHS.size(); row++) {
            for (int col = 0; col < ACTIONS.size(); col++) {
                Complaint c = create(complaint(HALL), "");
                for (Moves step : PATHS.get(row)) {
                    c = move(c, step);
                }
                ComplaintStatus before = c.getStatus();
                boolean allowed = TABLE[row].charAt(col) == 'Y';
                Moves action = ACTIONS.get(col);
                if (allowed) {
                    Complaint after = move(c, action);
                    assertEquals(
                            before,
                            after.getHistoryList()
                                    .get(after.getHistoryCount() - 1)
                                    .getFromStatus());
                    assertEquals(
                            action.name(),
                            after.getHistoryList()
                                    .get(after.getHistoryCount() - 1)
                                    .getAction());
                } else {
                    Complaint current = c;
                    var e = assertThrows(
                            StatusRuntimeException.class, () -> move(current, action), before + " " + action);
                    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), before + " " + action);
                    assertEquals(
                            "TRANSITION_NOT_ALLOWED", GrpcErrors.errorInfo(e).getReason());
                    assertEquals(
                            before, get(c, ComplaintView.COMPLAINT_VIEW_BASIC).getStatus(), "nothing changed");
                }
            }
        }
    }

    @Test
    void waitingOnTheCustomerMovesTheResolutionDeadlineByThePausedTime() throws Exception {
        Complaint c = move(create(complaint(HALL), ""), Moves.START_INVESTIGATION);
        Instant dueBefore =
                instant(deadline(c, DeadlineKind.DEADLINE_KIND_RESOLVE).getDueTime());
        c = move(c, Moves.WAIT_ON_CUSTOMER);
        Thread.sleep(300);
        c = move(c, Moves.RESUME);

        Instant paused = instant(c.getHistory(c.getHistoryCount() - 2).getTime());
        Instant resumed = instant(c.getHistory(c.getHistoryCount() - 1).getTime());
        Instant dueAfter =
                instant(deadline(c, DeadlineKind.DEADLINE_KIND_RESOLVE).getDueTime());
        long shiftMillis = java.time.Duration.between(dueBefore, dueAfter).toMillis();
        long pauseMillis = java.time.Duration.between(paused, resumed).toMillis();
        assertTrue(pauseMillis >= 300, "paused " + pauseMillis);
        assertTrue(
                Math.abs(shiftMillis - pauseMillis) <= 1,
                "shifted " + shiftMillis + " ms for a pause of " + pauseMillis);
    }

    @Test
    void ofFiftyConcurrentMovesOfOneVersionExactlyOneWins() throws Exception {
        Complaint c = create(complaint(HALL), "");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> moves = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                moves.add(() -> {
                    try {
                        move(c, Moves.ACKNOWLEDGE);
                        return "won";
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode().name();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(moves)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
            assertEquals(49, outcomes.stream().filter("ABORTED"::equals).count(), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, get(c, ComplaintView.COMPLAINT_VIEW_BASIC).getHistoryCount(), "one receipt, one move");
    }

    @Test
    void criticalComplaintsGoUpAtOnceAndEscalationClimbsToTheTop() {
        Complaint critical = create(complaint(HALL).setSeverity(Severity.SEVERITY_CRITICAL), "");
        assertEquals(BRANCH, critical.getEscalatedToUnitId());
        assertEquals(1, critical.getEscalationLevel());
        assertEquals(
                40L * 3600,
                deadline(critical, DeadlineKind.DEADLINE_KIND_RESOLVE)
                        .getAllowed()
                        .getSeconds());

        Complaint up = complaints.escalateComplaint(org.sqm.proto.complaint.v1.EscalateComplaintRequest.newBuilder()
                .setId(critical.getId())
                .setEtag(critical.getEtag())
                .setNote("no answer from the branch")
                .build());
        assertEquals(COMPANY, up.getEscalatedToUnitId());
        assertEquals(2, up.getEscalationLevel());
        var top = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.escalateComplaint(org.sqm.proto.complaint.v1.EscalateComplaintRequest.newBuilder()
                        .setId(up.getId())
                        .setEtag(up.getEtag())
                        .build()));
        assertEquals("NO_UNIT_ABOVE", GrpcErrors.errorInfo(top).getReason());
    }

    @Test
    void aReopenedComplaintRunsItsResolutionClockAgain() {
        Complaint c = move(create(complaint(HALL), ""), Moves.START_INVESTIGATION);
        c = move(c, Moves.RESOLVE);
        assertTrue(deadline(c, DeadlineKind.DEADLINE_KIND_RESOLVE).hasMetTime());
        assertEquals("STAFF_ROTA", c.getRootCause());
        c = move(c, Moves.REOPEN);
        assertEquals(ComplaintStatus.COMPLAINT_STATUS_INVESTIGATING, c.getStatus());
        assertFalse(deadline(c, DeadlineKind.DEADLINE_KIND_RESOLVE).hasMetTime());

        Complaint investigating = c;
        var noCause = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.resolveComplaint(ResolveComplaintRequest.newBuilder()
                        .setId(investigating.getId())
                        .setEtag(investigating.getEtag())
                        .build()));
        assertEquals(List.of("root_cause", "remedy"), GrpcErrors.violatedFields(noCause));
    }

    @Test
    void listsFilterByUnitTreeStatusAndOverdueAndArePaged() {
        String unit = UUID.randomUUID().toString();
        String child = UUID.randomUUID().toString();
        FakeStandardsBackend.register(unit, null, true, true);
        FakeStandardsBackend.register(child, unit, true, true);
        Complaint old = create(
                complaint(child)
                        .setReceiveTime(Timestamp.newBuilder()
                                .setSeconds(
                                        Instant.parse("2026-01-05T10:00:00Z").getEpochSecond())),
                "");
        for (int i = 0; i < 4; i++) {
            create(complaint(unit), "");
        }
        move(create(complaint(unit), ""), Moves.WITHDRAW);

        assertEquals(
                5,
                complaints
                        .listComplaints(ListComplaintsRequest.newBuilder()
                                .setUnitId(unit)
                                .build())
                        .getComplaintsCount());
        Set<String> all = new HashSet<>();
        String token = "";
        int pages = 0;
        do {
            ListComplaintsResponse page = complaints.listComplaints(ListComplaintsRequest.newBuilder()
                    .setUnitId(unit)
                    .setIncludeDescendants(true)
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            page.getComplaintsList().forEach(c -> assertTrue(all.add(c.getId())));
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty());
        assertEquals(6, all.size());
        assertEquals(3, pages);

        assertEquals(
                1,
                complaints
                        .listComplaints(ListComplaintsRequest.newBuilder()
                                .setUnitId(unit)
                                .setStatus(ComplaintStatus.COMPLAINT_STATUS_WITHDRAWN)
                                .build())
                        .getComplaintsCount());
        List<String> overdue = complaints
                .listComplaints(ListComplaintsRequest.newBuilder()
                        .setUnitId(unit)
                        .setIncludeDescendants(true)
                        .setOverdueOnly(true)
                        .build())
                .getComplaintsList()
                .stream()
                .map(Complaint::getId)
                .toList();
        assertEquals(List.of(old.getId()), overdue);
    }

    @Test
    void openOnlyListsTheFourOpenStatusesInOneCallAndRefusesAStatusBesideIt() {
        String unit = UUID.randomUUID().toString();
        FakeStandardsBackend.register(unit, null, true, true);
        Complaint received = create(complaint(unit), "");
        Complaint acknowledged = move(create(complaint(unit), ""), Moves.ACKNOWLEDGE);
        Complaint investigating = move(create(complaint(unit), ""), Moves.START_INVESTIGATION);
        Complaint waiting = move(move(create(complaint(unit), ""), Moves.START_INVESTIGATION), Moves.WAIT_ON_CUSTOMER);
        Complaint resolved = move(move(create(complaint(unit), ""), Moves.START_INVESTIGATION), Moves.RESOLVE);
        move(resolved, Moves.CLOSE);
        move(move(create(complaint(unit), ""), Moves.START_INVESTIGATION), Moves.RESOLVE);
        move(create(complaint(unit), ""), Moves.WITHDRAW);

        Set<String> open = new HashSet<>();
        String token = "";
        do {
            ListComplaintsResponse page = complaints.listComplaints(ListComplaintsRequest.newBuilder()
                    .setUnitId(unit)
                    .setOpenOnly(true)
                    .setPageSize(3)
                    .setPageToken(token)
                    .build());
            page.getComplaintsList().forEach(c -> assertTrue(open.add(c.getId())));
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(Set.of(received.getId(), acknowledged.getId(), investigating.getId(), waiting.getId()), open);
        assertEquals(
                7,
                complaints
                        .listComplaints(ListComplaintsRequest.newBuilder()
                                .setUnitId(unit)
                                .build())
                        .getComplaintsCount());

        var both = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.listComplaints(ListComplaintsRequest.newBuilder()
                        .setUnitId(unit)
                        .setOpenOnly(true)
                        .setStatus(ComplaintStatus.COMPLAINT_STATUS_RECEIVED)
                        .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, both.getStatus().getCode());
        assertEquals(List.of("open_only"), GrpcErrors.violatedFields(both));
    }

    @Test
    void aDissatisfiedCustomerIsCalledBackBeforeTheComplaintCloses() {
        Complaint c = move(create(complaint(HALL), ""), Moves.START_INVESTIGATION);
        c = move(c, Moves.RESOLVE);
        assertTrue(c.hasResolutionBusinessTime());
        Complaint resolved = c;
        var tooHigh = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.recordSatisfaction(RecordSatisfactionRequest.newBuilder()
                        .setId(resolved.getId())
                        .setEtag(resolved.getEtag())
                        .setScore(6)
                        .build()));
        assertEquals(List.of("score"), GrpcErrors.violatedFields(tooHigh));

        Complaint unhappy = complaints.recordSatisfaction(RecordSatisfactionRequest.newBuilder()
                .setId(c.getId())
                .setEtag(c.getEtag())
                .setScore(2)
                .setNote("Took too long")
                .build());
        assertEquals(2, unhappy.getSatisfaction());
        Deadline callBack = deadline(unhappy, DeadlineKind.DEADLINE_KIND_CALL_BACK);
        assertEquals(8L * 3600, callBack.getAllowed().getSeconds());
        assertFalse(callBack.hasMetTime());

        var open = assertThrows(StatusRuntimeException.class, () -> move(unhappy, Moves.CLOSE));
        assertEquals("CALL_BACK_OPEN", GrpcErrors.errorInfo(open).getReason());
        var twice = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.recordSatisfaction(RecordSatisfactionRequest.newBuilder()
                        .setId(unhappy.getId())
                        .setEtag(unhappy.getEtag())
                        .setScore(1)
                        .build()));
        assertEquals("SATISFACTION_RECORDED", GrpcErrors.errorInfo(twice).getReason());

        Complaint called = complaints.recordCallBack(RecordCallBackRequest.newBuilder()
                .setId(unhappy.getId())
                .setEtag(unhappy.getEtag())
                .setOutcome("Apologised; offered a credit")
                .build());
        assertTrue(deadline(called, DeadlineKind.DEADLINE_KIND_CALL_BACK).hasMetTime());
        assertEquals("Apologised; offered a credit", called.getCallBackOutcome());
        assertEquals(
                ComplaintStatus.COMPLAINT_STATUS_CLOSED,
                move(called, Moves.CLOSE).getStatus());

        Complaint happy = move(move(create(complaint(HALL), ""), Moves.START_INVESTIGATION), Moves.RESOLVE);
        happy = complaints.recordSatisfaction(RecordSatisfactionRequest.newBuilder()
                .setId(happy.getId())
                .setEtag(happy.getEtag())
                .setScore(5)
                .build());
        assertTrue(
                happy.getDeadlinesList().stream().noneMatch(d -> d.getKind() == DeadlineKind.DEADLINE_KIND_CALL_BACK));
        Complaint noCallBack = happy;
        var none = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.recordCallBack(RecordCallBackRequest.newBuilder()
                        .setId(noCallBack.getId())
                        .setEtag(noCallBack.getEtag())
                        .setOutcome("x")
                        .build()));
        assertEquals("NO_CALL_BACK_OPEN", GrpcErrors.errorInfo(none).getReason());
    }

    @Test
    void categoriesAreListedAndHealthIsServing() {
        assertTrue(
                complaints
                        .listComplaintCategories(ListComplaintCategoriesRequest.getDefaultInstance())
                        .getCategoriesList()
                        .stream()
                        .anyMatch(c -> c.getCode().equals("BILLING")));
        assertEquals(
                HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder().build()).getStatus());
    }

    @Test
    void metricsCountIntakeAndTimeEveryLayer() {
        create(complaint(HALL).setChannel(ComplaintChannel.COMPLAINT_CHANNEL_SOCIAL_MEDIA), "");
        String metrics = io.restassured.RestAssured.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                metrics.contains("sqm_complaints_received_total{channel=\"SOCIAL_MEDIA\",severity=\"MEDIUM\"}"),
                metrics);
        assertTrue(metrics.contains("grpc_server_processing_duration_seconds"), "gRPC server timings");
        assertTrue(
                metrics.contains("grpc_client_processing_duration_seconds"), "gRPC client timings (standards-service)");
        assertTrue(metrics.contains("agroal_active_count"), "connection pool");
    }

    @Test
    void movesAnswerWithWhatTheyWroteWithoutReadingAgain() {
        Complaint c = create(complaint(HALL), "");
        int before = standardsCalls();
        Complaint acknowledged = move(c, Moves.ACKNOWLEDGE);
        assertEquals(before, standardsCalls(), "acknowledging needs nothing from standards-service");
        Complaint stored = get(acknowledged, ComplaintView.COMPLAINT_VIEW_BASIC);
        assertEquals(stored.getEtag(), acknowledged.getEtag());
        assertEquals(stored.getHistoryList(), acknowledged.getHistoryList());
        assertEquals(stored.getStatus(), acknowledged.getStatus());

        Complaint investigating = move(stored, Moves.START_INVESTIGATION);
        int measures = FakeStandardsBackend.calls("MeasureBusinessTime");
        before = standardsCalls();
        Complaint resolved = move(investigating, Moves.RESOLVE);
        assertEquals(measures + 1, FakeStandardsBackend.calls("MeasureBusinessTime"), "the resolution's business time");
        assertEquals(before + 1, standardsCalls(), "and nothing else");
        assertTrue(resolved.hasResolutionBusinessTime());
        assertEquals(get(resolved, ComplaintView.COMPLAINT_VIEW_BASIC).getHistoryList(), resolved.getHistoryList());
    }

    private static int standardsCalls() {
        return FakeStandardsBackend.CALLS.values().stream()
                .mapToInt(java.util.concurrent.atomic.AtomicInteger::get)
                .sum();
    }

    @Inject
    org.sqm.complaint.service.Standards standards;

    @Test
    void escalateAndResumeCallStandardsServiceWithNoTransactionOpen() {
        // The guard is live in this service: a call made inside a transaction fails at once ...
        UUID hall = UUID.fromString(HALL);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> standards.unit(hall)));
        // ... so escalate and resume, which ask standards-service, prove they do it outside one.
        Complaint c = create(complaint(HALL), "");
        int units = FakeStandardsBackend.calls("GetUnit");
        Complaint up = complaints.escalateComplaint(org.sqm.proto.complaint.v1.EscalateComplaintRequest.newBuilder()
                .setId(c.getId())
                .setEtag(c.getEtag())
                .build());
        assertEquals(units + 1, FakeStandardsBackend.calls("GetUnit"));
        assertEquals(BRANCH, up.getEscalatedToUnitId());

        Complaint waiting = move(move(up, Moves.START_INVESTIGATION), Moves.WAIT_ON_CUSTOMER);
        int dueTimes = FakeStandardsBackend.calls("ComputeDueTime");
        Complaint resumed = move(waiting, Moves.RESUME);
        assertTrue(FakeStandardsBackend.calls("ComputeDueTime") > dueTimes, "the resolution deadline was moved");
        assertEquals(ComplaintStatus.COMPLAINT_STATUS_INVESTIGATING, resumed.getStatus());
    }

    @Test
    void aStandardsServiceFailureDuringAMoveIsReportedAsTheDependencysNotTheComplaints() {
        String unit = UUID.randomUUID().toString();
        FakeStandardsBackend.register(unit, BRANCH, true, true);
        FakeStandardsBackend.UNIT_CALENDARS.put(unit, UUID.randomUUID().toString());
        Complaint investigating = move(create(complaint(unit), ""), Moves.START_INVESTIGATION);

        var e = assertThrows(StatusRuntimeException.class, () -> move(investigating, Moves.RESOLVE));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        var info = GrpcErrors.errorInfo(e);
        assertEquals("DEPENDENCY_FAILED", info.getReason());
        assertEquals("complaint-service", info.getDomain());
        assertEquals("standards-service", info.getMetadataOrThrow("service"));
        assertEquals("NOT_FOUND", info.getMetadataOrThrow("code"));
        assertEquals("CALENDAR_NOT_FOUND", info.getMetadataOrThrow("reason"));
        assertEquals(
                ComplaintStatus.COMPLAINT_STATUS_INVESTIGATING,
                get(investigating, ComplaintView.COMPLAINT_VIEW_BASIC).getStatus(),
                "nothing was written");
    }

    @Test
    void unknownIdIsNotFound() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.getComplaint(GetComplaintRequest.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("COMPLAINT_NOT_FOUND", GrpcErrors.errorInfo(e).getReason());
    }
}
