package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.EscalateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.proto.complaint.v1.RecordCallBackRequest;
import org.sqm.proto.complaint.v1.RecordSatisfactionRequest;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * Unit scope: complaint handlers and unit managers of unit A (and A's child) against complaints of
 * unit B, a sibling: B's complaints are NOT_FOUND exactly as missing ones, lists and statistics leave
 * them out, page tokens do not cross scopes, and nobody of A files a complaint about B.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ComplaintScopeTest {

    private static final String TOP = UUID.randomUUID().toString();
    private static final String A = UUID.randomUUID().toString();
    private static final String A_CHILD = UUID.randomUUID().toString();
    private static final String B = UUID.randomUUID().toString();

    static {
        FakeStandardsBackend.register(TOP, null, true, true);
        FakeStandardsBackend.register(A, TOP, true, true);
        FakeStandardsBackend.register(A_CHILD, A, true, true);
        FakeStandardsBackend.register(B, TOP, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    private ComplaintServiceBlockingStub handlerOfA() {
        return AsRole.as(complaints, "complaint-handler", A);
    }

    private ComplaintServiceBlockingStub managerOfA() {
        return AsRole.as(complaints, "unit-manager", A);
    }

    private static Complaint.Builder complaint(String unit) {
        return Complaint.newBuilder()
                .setUnitId(unit)
                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_EMAIL)
                .setCategory("BILLING")
                .setSeverity(Severity.SEVERITY_MEDIUM)
                .setDescription("Charged twice for May.")
                .setComplainant(Complainant.newBuilder().setName("R. Roe").setEmail("roe@example.org"));
    }

    private Complaint create(String unit) {
        return complaints
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(complaint(unit))
                        .build());
    }

    private static void assertNotFound(String reason, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(
                Status.Code.NOT_FOUND, e.getStatus().getCode(), e.getStatus().toString());
        assertEquals(reason, GrpcErrors.errorInfo(e).getReason());
    }

    @Test
    void aComplaintOfAnotherUnitIsNotFoundForReadingAndForEveryMove() {
        Complaint inB = create(B);
        Complaint inChild = create(A_CHILD);
        for (ComplaintServiceBlockingStub a : List.of(handlerOfA(), managerOfA())) {
            assertNotFound(
                    "COMPLAINT_NOT_FOUND",
                    () -> a.getComplaint(
                            GetComplaintRequest.newBuilder().setId(inB.getId()).build()));
            assertEquals(
                    inChild.getId(),
                    a.getComplaint(GetComplaintRequest.newBuilder()
                                    .setId(inChild.getId())
                                    .build())
                            .getId());
        }
        // A missing complaint answers the same: nothing tells the two apart.
        String missing = UUID.randomUUID().toString();
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> handlerOfA()
                .getComplaint(GetComplaintRequest.newBuilder().setId(missing).build()));
        assertEquals(Status.Code.NOT_FOUND, none.getStatus().getCode());

        ComplaintServiceBlockingStub handler = handlerOfA();
        for (Moves move : Moves.values()) {
            assertNotFound("COMPLAINT_NOT_FOUND", () -> move.on(handler, inB, "a"));
        }
        assertNotFound(
                "COMPLAINT_NOT_FOUND",
                () -> handler.escalateComplaint(EscalateComplaintRequest.newBuilder()
                        .setId(inB.getId())
                        .setEtag(inB.getEtag())
                        .build()));
        assertNotFound(
                "COMPLAINT_NOT_FOUND",
                () -> handler.recordSatisfaction(RecordSatisfactionRequest.newBuilder()
                        .setId(inB.getId())
                        .setEtag(inB.getEtag())
                        .setScore(1)
                        .build()));
        assertNotFound(
                "COMPLAINT_NOT_FOUND",
                () -> handler.recordCallBack(RecordCallBackRequest.newBuilder()
                        .setId(inB.getId())
                        .setEtag(inB.getEtag())
                        .setOutcome("called")
                        .build()));
        // Untouched by all of that; and the handler of A works the complaint of A's child.
        assertEquals(
                inB.getEtag(),
                complaints
                        .getComplaint(GetComplaintRequest.newBuilder()
                                .setId(inB.getId())
                                .build())
                        .getEtag());
        assertEquals(
                org.sqm.proto.complaint.v1.ComplaintStatus.COMPLAINT_STATUS_ACKNOWLEDGED,
                Moves.ACKNOWLEDGE.on(handler, inChild, "a").getStatus());
    }

    @Test
    void aComplaintAboutAnotherUnitCannotBeFiled() {
        assertNotFound("UNIT_NOT_FOUND", () -> handlerOfA()
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(complaint(B))
                        .build()));
        Complaint filed = handlerOfA()
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(complaint(A_CHILD))
                        .build());
        assertEquals(A_CHILD, filed.getUnitId());
    }

    private static Set<String> ids(ListComplaintsResponse page) {
        Set<String> ids = new java.util.HashSet<>();
        page.getComplaintsList().forEach(c -> ids.add(c.getId()));
        return ids;
    }

    @Test
    void listsLeaveOtherUnitsOutAndTheirPageTokensStayInTheirScope() {
        Complaint inB = create(B);
        Complaint inA = create(A);
        Complaint inChild = create(A_CHILD);
        // Everything A's manager may read, page by page.
        List<String> seen = new ArrayList<>();
        String token = "";
        String firstToken = null;
        do {
            ListComplaintsResponse page = managerOfA()
                    .listComplaints(ListComplaintsRequest.newBuilder()
                            .setPageSize(1)
                            .setPageToken(token)
                            .build());
            page.getComplaintsList().forEach(c -> seen.add(c.getId()));
            page.getComplaintsList()
                    .forEach(c -> assertTrue(Set.of(A, A_CHILD).contains(c.getUnitId()), c.getUnitId()));
            token = page.getNextPageToken();
            if (firstToken == null) {
                firstToken = token;
            }
        } while (!token.isEmpty());
        assertTrue(seen.containsAll(List.of(inA.getId(), inChild.getId())), seen.toString());
        assertFalse(seen.contains(inB.getId()));

        // A page token of A's manager is refused to B's manager (and to anyone of other units).
        String replayed = firstToken;
        StatusRuntimeException refused =
                assertThrows(StatusRuntimeException.class, () -> AsRole.as(complaints, "unit-manager", B)
                        .listComplaints(ListComplaintsRequest.newBuilder()
                                .setPageSize(1)
                                .setPageToken(replayed)
                                .build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        assertEquals(List.of("page_token"), GrpcErrors.violatedFields(refused));

        // A unit filter: A with its child is fine; B is NOT_FOUND as a unit the caller cannot see.
        assertEquals(
                Set.of(inA.getId(), inChild.getId()),
                ids(handlerOfA()
                                .listComplaints(ListComplaintsRequest.newBuilder()
                                        .setUnitId(A)
                                        .setIncludeDescendants(true)
                                        .setPageSize(1000)
                                        .build()))
                        .stream()
                        .filter(id -> Set.of(inA.getId(), inChild.getId(), inB.getId())
                                .contains(id))
                        .collect(java.util.stream.Collectors.toSet()));
        assertNotFound("UNIT_NOT_FOUND", () -> handlerOfA()
                .listComplaints(ListComplaintsRequest.newBuilder().setUnitId(B).build()));
        // The quality manager sees every unit.
        assertTrue(ids(AsRole.as(complaints, "quality-manager")
                        .listComplaints(
                                ListComplaintsRequest.newBuilder().setUnitId(B).build()))
                .contains(inB.getId()));
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    @Test
    void statisticsAreCutToTheUnitsTheCallerSees() {
        create(B);
        create(A);
        create(A_CHILD);
        Instant now = Instant.now();
        Function<String, GetComplaintStatisticsRequest> of = unit -> GetComplaintStatisticsRequest.newBuilder()
                .setUnitId(unit)
                .setIncludeDescendants(true)
                .setPeriodStart(timestamp(now.minusSeconds(86_400)))
                .setPeriodEnd(timestamp(now.plusSeconds(86_400)))
                .build();
        long allOfA = complaints.getComplaintStatistics(of.apply(A)).getReceived();
        assertEquals(allOfA, managerOfA().getComplaintStatistics(of.apply(A)).getReceived());
        assertNotFound("UNIT_NOT_FOUND", () -> managerOfA().getComplaintStatistics(of.apply(B)));
        assertNotFound("UNIT_NOT_FOUND", () -> managerOfA().getComplaintStatistics(of.apply(TOP)));

        Set<String> streamed = new java.util.HashSet<>();
        managerOfA()
                .streamComplaintStatistics(StreamComplaintStatisticsRequest.newBuilder()
                        .setPeriodStart(timestamp(now.minusSeconds(86_400)))
                        .setPeriodEnd(timestamp(now.plusSeconds(86_400)))
                        .build())
                .forEachRemaining((UnitComplaintStatistics u) -> streamed.add(u.getUnitId()));
        assertEquals(Set.of(A, A_CHILD), streamed);
    }

    @Test
    void aComplaintEscalatedAboveTheHandlersUnitsStaysWithThemAndGoesOnUp() {
        // The handler of A's child escalates to A, then to the top: the unit above A lies outside the
        // handler's units, and the service asks standards-service for it itself.
        ComplaintServiceBlockingStub handler = AsRole.as(complaints, "complaint-handler", A_CHILD);
        Complaint c = create(A_CHILD);
        Complaint once = handler.escalateComplaint(EscalateComplaintRequest.newBuilder()
                .setId(c.getId())
                .setEtag(c.getEtag())
                .build());
        assertEquals(A, once.getEscalatedToUnitId());
        Complaint twice = handler.escalateComplaint(EscalateComplaintRequest.newBuilder()
                .setId(once.getId())
                .setEtag(once.getEtag())
                .build());
        assertEquals(TOP, twice.getEscalatedToUnitId());
        // The unit it is escalated to (above the unit it is about) sees it; a sibling does not.
        assertEquals(
                c.getId(),
                AsRole.as(complaints, "complaint-handler", TOP)
                        .getComplaint(GetComplaintRequest.newBuilder()
                                .setId(c.getId())
                                .build())
                        .getId());
        assertNotFound("COMPLAINT_NOT_FOUND", () -> AsRole.as(complaints, "complaint-handler", B)
                .getComplaint(GetComplaintRequest.newBuilder().setId(c.getId()).build()));
    }
}
