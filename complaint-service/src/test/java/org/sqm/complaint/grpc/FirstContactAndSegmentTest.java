package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.EscalateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ResolveComplaintRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/** The customer segment at intake and first-contact resolution: what counts, what is refused, what a reopen undoes. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class FirstContactAndSegmentTest {

    private static final String BRANCH = UUID.randomUUID().toString();
    private static final String HALL = UUID.randomUUID().toString();

    static {
        FakeStandardsBackend.register(BRANCH, null, true, true);
        FakeStandardsBackend.register(HALL, BRANCH, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    private static Complaint.Builder complaint(String unit) {
        return Complaint.newBuilder()
                .setUnitId(unit)
                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                .setCategory("BILLING")
                .setSeverity(Severity.SEVERITY_MEDIUM)
                .setDescription("Charged twice for the same month.")
                .setComplainant(Complainant.newBuilder().setName("Zhang Min").setPhone("+86 818 555 0100"));
    }

    private Complaint create(Complaint.Builder complaint, String requestId) {
        return complaints.createComplaint(CreateComplaintRequest.newBuilder()
                .setComplaint(complaint)
                .setRequestId(requestId)
                .build());
    }

    private Complaint investigating(Complaint.Builder complaint) {
        return Moves.START_INVESTIGATION.on(complaints, create(complaint, ""), "agent-3");
    }

    private Complaint resolve(Complaint c, boolean firstContact) {
        return complaints.resolveComplaint(ResolveComplaintRequest.newBuilder()
                .setId(c.getId())
                .setEtag(c.getEtag())
                .setRootCause("BILLING_ERROR")
                .setRemedy("Refunded on the call")
                .setResolvedAtFirstContact(firstContact)
                .build());
    }

    private Complaint get(Complaint c) {
        return complaints.getComplaint(
                GetComplaintRequest.newBuilder().setId(c.getId()).build());
    }

    private int complaintsOf(String unit) {
        return complaints
                .listComplaints(ListComplaintsRequest.newBuilder()
                        .setUnitId(unit)
                        .setPageSize(1000)
                        .build())
                .getComplaintsCount();
    }

    @Test
    void theSegmentIsRecordedOptionalAndAnUnknownValueIsRefusedWithoutWritingAnything() {
        String unit = UUID.randomUUID().toString();
        FakeStandardsBackend.register(unit, BRANCH, true, true);
        Complaint vip = create(complaint(unit).setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_VIP), "");
        assertEquals(CustomerSegment.CUSTOMER_SEGMENT_VIP, vip.getCustomerSegment());
        assertEquals(CustomerSegment.CUSTOMER_SEGMENT_VIP, get(vip).getCustomerSegment());
        assertEquals(
                CustomerSegment.CUSTOMER_SEGMENT_UNSPECIFIED,
                create(complaint(unit), "").getCustomerSegment());

        var unknown = assertThrows(
                StatusRuntimeException.class, () -> create(complaint(unit).setCustomerSegmentValue(42), ""));
        assertEquals(Status.Code.INVALID_ARGUMENT, unknown.getStatus().getCode());
        assertEquals(List.of("complaint.customer_segment"), GrpcErrors.violatedFields(unknown));
        assertEquals(2, complaintsOf(unit), "a refused complaint is not recorded");
    }

    @Test
    void theSegmentIsPartOfWhatARetryMustRepeat() {
        String key = "seg-" + UUID.randomUUID();
        Complaint first = create(complaint(HALL).setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_HOME), key);
        assertEquals(
                first.getId(),
                create(complaint(HALL).setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_HOME), key)
                        .getId());
        var other = assertThrows(
                StatusRuntimeException.class,
                () -> create(complaint(HALL).setCustomerSegment(CustomerSegment.CUSTOMER_SEGMENT_BUSINESS), key));
        assertEquals(Status.Code.ALREADY_EXISTS, other.getStatus().getCode());
        assertEquals("REQUEST_ID_REUSED", GrpcErrors.errorInfo(other).getReason());
    }

    @Test
    void aResolutionAtFirstContactCountsUntilTheComplaintIsReopened() {
        Complaint resolved = resolve(investigating(complaint(HALL)), true);
        assertTrue(resolved.getResolvedAtFirstContact());
        assertTrue(get(resolved).getResolvedAtFirstContact());

        Complaint reopened = Moves.REOPEN.on(complaints, resolved, "agent-3");
        assertFalse(reopened.getResolvedAtFirstContact(), "a reopened complaint was not resolved at first contact");

        var again = assertThrows(StatusRuntimeException.class, () -> resolve(reopened, true));
        assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());
        assertEquals("NOT_FIRST_CONTACT", GrpcErrors.errorInfo(again).getReason());
        assertTrue(again.getStatus().getDescription().contains("reopened"), again.getMessage());
        assertEquals(
                ComplaintStatus.COMPLAINT_STATUS_INVESTIGATING, get(reopened).getStatus(), "nothing written");

        Complaint resolvedAgain = resolve(reopened, false);
        assertEquals(ComplaintStatus.COMPLAINT_STATUS_RESOLVED, resolvedAgain.getStatus());
        assertFalse(resolvedAgain.getResolvedAtFirstContact());
    }

    @Test
    void aComplaintThatNeededAnotherContactCannotBeResolvedAtFirstContact() {
        Complaint waited = Moves.RESUME.on(
                complaints, Moves.WAIT_ON_CUSTOMER.on(complaints, investigating(complaint(HALL)), ""), "");
        Complaint referred =
                investigating(complaint(HALL).setChannel(ComplaintChannel.COMPLAINT_CHANNEL_REGULATOR_REFERRAL));
        Complaint fresh = investigating(complaint(HALL));
        Complaint escalated = complaints.escalateComplaint(EscalateComplaintRequest.newBuilder()
                .setId(fresh.getId())
                .setEtag(fresh.getEtag())
                .build());
        record Case(Complaint complaint, String why) {}
        for (Case c : List.of(
                new Case(waited, "waited on the customer"),
                new Case(referred, "referred"),
                new Case(escalated, "escalated"))) {
            Complaint complaint = c.complaint();
            var refused = assertThrows(StatusRuntimeException.class, () -> resolve(complaint, true));
            assertEquals(Status.Code.FAILED_PRECONDITION, refused.getStatus().getCode());
            assertEquals("NOT_FIRST_CONTACT", GrpcErrors.errorInfo(refused).getReason());
            assertTrue(refused.getStatus().getDescription().contains(c.why()), refused.getMessage());
            assertEquals(complaint.getEtag(), get(complaint).getEtag(), "nothing written");
            assertFalse(resolve(complaint, false).getResolvedAtFirstContact());
        }
    }
}
