package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ComplaintView;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.testing.EmbeddedPostgresResource;

/**
 * The complainant's contact details are personal data: quality managers and complaint handlers (of the
 * complaint's units) see them on GetComplaint's full view; administrators, unit managers and viewers
 * never; nobody in a list or in a write's answer.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PersonalDataTest {

    private static final String HALL = UUID.randomUUID().toString();

    static {
        FakeStandardsBackend.register(HALL, null, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    @Test
    void theContactFieldsAreMarkedPersonalData() {
        for (String field : List.of("name", "email", "phone")) {
            assertTrue(
                    Complainant.getDescriptor()
                            .findFieldByName(field)
                            .getOptions()
                            .getExtension(org.sqm.proto.common.v1.AccessProto.personalData),
                    field);
        }
    }

    @Test
    void onlyQualityManagersAndComplaintHandlersSeeTheComplainant() {
        Complaint created = AsRole.as(complaints, "complaint-handler", HALL)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(Complaint.newBuilder()
                                .setUnitId(HALL)
                                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                                .setCategory("STAFF_CONDUCT")
                                .setSeverity(Severity.SEVERITY_HIGH)
                                .setDescription("Rude answer at the counter.")
                                .setComplainant(Complainant.newBuilder()
                                        .setName("Zhang San")
                                        .setEmail("zhang.san@example.org")
                                        .setPhone("+86 10 5555 0101")))
                        .build());
        assertFalse(created.hasComplainant(), "a write's answer never carries the complainant");
        GetComplaintRequest full = GetComplaintRequest.newBuilder()
                .setId(created.getId())
                .setView(ComplaintView.COMPLAINT_VIEW_FULL)
                .build();
        for (String role : List.of("quality-manager", "complaint-handler")) {
            Complainant seen =
                    AsRole.as(complaints, role, HALL).getComplaint(full).getComplainant();
            assertEquals("Zhang San", seen.getName(), role);
            assertEquals("zhang.san@example.org", seen.getEmail(), role);
            assertEquals("+86 10 5555 0101", seen.getPhone(), role);
        }
        for (String role : List.of("administrator", "unit-manager", "viewer")) {
            Complaint read = AsRole.as(complaints, role, HALL).getComplaint(full);
            assertEquals(created.getId(), read.getId(), role);
            assertFalse(read.hasComplainant(), role);
        }
        for (String role : List.of("quality-manager", "complaint-handler", "administrator", "unit-manager", "viewer")) {
            List<Complaint> listed = AsRole.as(complaints, role, HALL)
                    .listComplaints(
                            ListComplaintsRequest.newBuilder().setUnitId(HALL).build())
                    .getComplaintsList();
            assertTrue(listed.stream().anyMatch(c -> c.getId().equals(created.getId())), role);
            assertTrue(listed.stream().noneMatch(Complaint::hasComplainant), role);
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aFailedBatchNamesNoBoundValue() throws SQLException {
        // Hibernate logs the driver's message of a failed batch; with logServerErrorDetail=false it
        // carries neither the statement with its values nor the server's detail (Key (...)=(...)).
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO complaint_category (code, name) VALUES (?, ?)")) {
            insert.setString(1, "BILLING");
            insert.setString(2, "Zhang San +86 10 5555 0101");
            insert.addBatch();
            SQLException failed = assertThrows(SQLException.class, insert::executeBatch);
            StringBuilder messages = new StringBuilder();
            for (Throwable t = failed; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            for (SQLException next = failed.getNextException(); next != null; next = next.getNextException()) {
                messages.append(next.getMessage()).append('\n');
            }
            assertFalse(messages.toString().contains("Zhang San"), messages.toString());
            assertFalse(messages.toString().contains("BILLING"), messages.toString());
        }
    }
}
