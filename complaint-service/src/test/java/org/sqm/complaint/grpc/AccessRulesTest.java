package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sqm.commons.auth.Roles;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.Role;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.common.v1.UnitScope;
import org.sqm.proto.complaint.v1.AcknowledgeComplaintRequest;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintCategoriesRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.testing.EmbeddedPostgresResource;

/** Who may call which complaint RPC: every method states its roles in the proto, and they hold at the edge. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AccessRulesTest {

    private static final String HALL = UUID.randomUUID().toString();

    static {
        FakeStandardsBackend.register(HALL, null, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    @Test
    void everyMethodOfTheServiceStatesItsRoles() {
        List<String> without = new ArrayList<>();
        for (MethodDescriptor<?, ?> method :
                ComplaintServiceGrpc.getServiceDescriptor().getMethods()) {
            if (Roles.access(method).map(a -> a.getRolesCount() == 0).orElse(true)) {
                without.add(method.getFullMethodName());
            }
        }
        assertEquals(List.of(), without, "methods without (sqm.common.v1.access)");
        Access categories = Roles.access(ComplaintServiceGrpc.getListComplaintCategoriesMethod())
                .orElseThrow();
        assertEquals(UnitScope.UNIT_SCOPE_NONE, categories.getScope());
        assertTrue(categories.getRolesList().contains(Role.ROLE_INSPECTOR));
        Access acknowledge = Roles.access(ComplaintServiceGrpc.getAcknowledgeComplaintMethod())
                .orElseThrow();
        assertEquals(UnitScope.UNIT_SCOPE_UNIT, acknowledge.getScope());
        assertEquals(
                List.of(Role.ROLE_ADMINISTRATOR, Role.ROLE_QUALITY_MANAGER, Role.ROLE_COMPLAINT_HANDLER),
                acknowledge.getRolesList());
    }

    private Complaint create() {
        return complaints
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(Complaint.newBuilder()
                                .setUnitId(HALL)
                                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                                .setCategory("WAITING_TIME")
                                .setSeverity(Severity.SEVERITY_LOW)
                                .setDescription("Queue of an hour.")
                                .setComplainant(Complainant.newBuilder()
                                        .setName("A. Nonym")
                                        .setEmail("a@example.org")))
                        .build());
    }

    private static Status.Code code(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aViewerMayReadButNotAcknowledge() {
        Complaint c = create();
        ComplaintServiceBlockingStub viewer = AsRole.as(complaints, "viewer", HALL);
        StatusRuntimeException denied = assertThrows(
                StatusRuntimeException.class,
                () -> viewer.acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder()
                        .setId(c.getId())
                        .setEtag(c.getEtag())
                        .build()));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
        assertEquals(
                Status.Code.OK,
                code(() -> viewer.listComplaints(
                        ListComplaintsRequest.newBuilder().setUnitId(HALL).build())));
        // An inspector is not among the readers of complaints, only of their categories.
        ComplaintServiceBlockingStub inspector = AsRole.as(complaints, "inspector");
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                code(() -> inspector.listComplaints(ListComplaintsRequest.getDefaultInstance())));
        assertEquals(
                Status.Code.OK,
                code(() -> inspector.listComplaintCategories(ListComplaintCategoriesRequest.getDefaultInstance())));
    }

    @Test
    void aPublicReaderListsNoComplaints() {
        ComplaintServiceBlockingStub reader = AsRole.as(complaints, "public-reader");
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                code(() -> reader.listComplaints(ListComplaintsRequest.getDefaultInstance())));
        assertEquals(
                Status.Code.PERMISSION_DENIED,
                code(() -> reader.listComplaintCategories(ListComplaintCategoriesRequest.getDefaultInstance())));
    }

    @Test
    void theRolesAllowedToHandleAComplaintAreNotDenied() {
        for (String role : List.of("administrator", "quality-manager", "complaint-handler")) {
            Complaint c = create();
            Status.Code answered = code(() -> AsRole.as(complaints, role, HALL)
                    .acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder()
                            .setId(c.getId())
                            .setEtag(c.getEtag())
                            .build()));
            assertNotEquals(Status.Code.PERMISSION_DENIED, answered, role);
            assertEquals(Status.Code.OK, answered, role);
        }
        for (String role : List.of("unit-manager", "viewer")) {
            assertEquals(
                    Status.Code.PERMISSION_DENIED,
                    code(() -> AsRole.as(complaints, role, HALL)
                            .createComplaint(CreateComplaintRequest.getDefaultInstance())),
                    role);
        }
    }
}
