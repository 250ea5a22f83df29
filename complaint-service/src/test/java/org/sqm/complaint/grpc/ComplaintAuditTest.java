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
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.AuditServiceGrpc.AuditServiceBlockingStub;
import org.sqm.proto.common.v1.FieldChange;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.testing.EmbeddedPostgresResource;

/**
 * The audit trail of complaints: who changed what through which RPC under which request id, the
 * complainant's contact recorded as changed but never its values, and a trail nobody can rewrite.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ComplaintAuditTest {

    private static final String HALL = UUID.randomUUID().toString();
    private static final List<String> PERSONAL = List.of("complainant_name", "complainant_email", "complainant_phone");

    static {
        FakeStandardsBackend.register(HALL, null, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    @GrpcClient("audit")
    AuditServiceBlockingStub audit;

    @Inject
    DataSource dataSource;

    private List<AuditEvent> trail(String complaintId) {
        return AsRole.as(audit, "quality-manager")
                .listAuditEvents(ListAuditEventsRequest.newBuilder()
                        .setResource("complaints/" + complaintId)
                        .setPageSize(1000)
                        .build())
                .getEventsList();
    }

    private static FieldChange change(AuditEvent event, String field) {
        return event.getChangesList().stream()
                .filter(c -> c.getField().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + event));
    }

    @Test
    void aMoveIsRecordedWithItsCallerRpcAndRequestIdAndTheContactOnlyAsChanged() throws SQLException {
        String requestId = "audit-" + UUID.randomUUID();
        ComplaintServiceBlockingStub handler = AsRole.withRequestId(complaints, requestId, "complaint-handler", HALL);
        Complaint created = handler.withDeadlineAfter(60, TimeUnit.SECONDS)
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(Complaint.newBuilder()
                                .setUnitId(HALL)
                                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                                .setCategory("REPAIR")
                                .setSeverity(Severity.SEVERITY_MEDIUM)
                                .setDescription("Line down for a week.")
                                .setComplainant(Complainant.newBuilder()
                                        .setName("Wang Wu")
                                        .setEmail("wang.wu@example.org")
                                        .setPhone("+86 21 5555 0199")))
                        .build());
        Moves.ACKNOWLEDGE.on(handler.withDeadlineAfter(60, TimeUnit.SECONDS), created, "");

        List<AuditEvent> trail = trail(created.getId());
        AuditEvent inserted = trail.stream()
                .filter(e ->
                        e.getRecord().equals("complaint") && e.getOperation().equals("INSERT"))
                .findFirst()
                .orElseThrow();
        assertEquals(ComplaintServiceGrpc.getCreateComplaintMethod().getFullMethodName(), inserted.getAction());
        for (String field : PERSONAL) {
            FieldChange contact = change(inserted, field);
            assertTrue(contact.getRedacted(), field);
            assertTrue(contact.getBefore().isEmpty() && contact.getAfter().isEmpty(), field);
        }
        AuditEvent acknowledged = trail.stream()
                .filter(e ->
                        e.getRecord().equals("complaint") && e.getOperation().equals("UPDATE"))
                .findFirst()
                .orElseThrow();
        assertEquals("complaint-handler@sqm.dev", acknowledged.getActor());
        assertEquals(
                ComplaintServiceGrpc.getAcknowledgeComplaintMethod().getFullMethodName(), acknowledged.getAction());
        assertEquals(requestId, acknowledged.getRequestId());
        assertEquals("\"RECEIVED\"", change(acknowledged, "status").getBefore());
        assertEquals("\"ACKNOWLEDGED\"", change(acknowledged, "status").getAfter());
        // Its parts name the complaint too: the acknowledgement deadline met, the history grown.
        assertTrue(
                trail.stream()
                        .anyMatch(e -> e.getRecord().equals("complaint_deadline")
                                && e.getAction().equals(acknowledged.getAction())),
                trail::toString);
        assertTrue(trail.stream()
                .anyMatch(e -> e.getRecord().equals("complaint_event")
                        && e.getOperation().equals("INSERT")
                        && e.getAction().equals(acknowledged.getAction())));
        String everything = trail.toString();
        for (String value : List.of("Wang Wu", "wang.wu@example.org", "5555 0199")) {
            assertFalse(everything.contains(value), value + " in the audit trail");
        }

        // A change of the contact outside any RPC is recorded as well, redacted.
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.executeUpdate(
                    "UPDATE complaint SET complainant_phone = '+86 21 5555 0200' WHERE id = '" + created.getId() + "'");
        }
        AuditEvent phoneChanged = trail(created.getId()).stream()
                .filter(e ->
                        e.getChangesList().stream().anyMatch(c -> c.getField().equals("complainant_phone"))
                                && e.getOperation().equals("UPDATE"))
                .findFirst()
                .orElseThrow();
        assertTrue(change(phoneChanged, "complainant_phone").getRedacted());
        assertFalse(phoneChanged.toString().contains("0200"));
    }

    @Test
    void theTrailCannotBeRewrittenAndOnlyAdministratorsAndQualityManagersReadIt() throws SQLException {
        // A row of the trail to refuse changing (the refusal is a row trigger), whichever test ran first.
        AsRole.as(complaints, "complaint-handler", HALL)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(Complaint.newBuilder()
                                .setUnitId(HALL)
                                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_EMAIL)
                                .setCategory("REPAIR")
                                .setSeverity(Severity.SEVERITY_LOW)
                                .setDescription("Counter closed early.")
                                .setComplainant(Complainant.newBuilder()
                                        .setName("Zhao Liu")
                                        .setEmail("zhao.liu@example.org")))
                        .build());
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            for (String rewrite : List.of(
                    "UPDATE audit_event SET actor = 'nobody'", "DELETE FROM audit_event", "TRUNCATE audit_event")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.executeUpdate(rewrite), rewrite);
                assertEquals("42501", refused.getSQLState(), rewrite);
            }
        }
        for (String role : List.of("viewer", "complaint-handler", "unit-manager")) {
            StatusRuntimeException denied = assertThrows(
                    StatusRuntimeException.class,
                    () -> AsRole.as(audit, role, HALL)
                            .listAuditEvents(ListAuditEventsRequest.newBuilder()
                                    .setResource("complaints/" + UUID.randomUUID())
                                    .build()),
                    role);
            assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode(), role);
        }
    }
}
