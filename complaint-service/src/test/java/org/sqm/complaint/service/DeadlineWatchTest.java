package org.sqm.complaint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sqm.complaint.grpc.FakeStandardsBackend;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintEvent;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.Deadline;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.testing.EmbeddedPostgresResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DeadlineWatchTest {

    @Inject
    DeadlineWatch watch;

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    private Complaint receivedHoursAgo(String unit, long hours) {
        return complaints.createComplaint(CreateComplaintRequest.newBuilder()
                .setComplaint(Complaint.newBuilder()
                        .setUnitId(unit)
                        .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_EMAIL)
                        .setCategory("BILLING")
                        .setSeverity(Severity.SEVERITY_MEDIUM)
                        .setDescription("Charged twice.")
                        .setComplainant(Complainant.newBuilder().setName("Ann").setEmail("ann@example.org"))
                        .setReceiveTime(Timestamp.newBuilder()
                                .setSeconds(
                                        Instant.now().minusSeconds(hours * 3600).getEpochSecond())))
                .build());
    }

    private Complaint reload(Complaint c) {
        return complaints.getComplaint(
                GetComplaintRequest.newBuilder().setId(c.getId()).build());
    }

    private static long count(Complaint c, String action) {
        return c.getHistoryList().stream()
                .map(ComplaintEvent::getAction)
                .filter(action::equals)
                .count();
    }

    @Test
    void twoParallelRunsMarkWarnAndEscalateEachThingExactlyOnce() throws Exception {
        String company = UUID.randomUUID().toString();
        String branch = UUID.randomUUID().toString();
        String hall = UUID.randomUUID().toString();
        FakeStandardsBackend.register(company, null, true, true);
        FakeStandardsBackend.register(branch, company, true, true);
        FakeStandardsBackend.register(hall, branch, true, true);
        List<Complaint> overdue = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            overdue.add(receivedHoursAgo(hall, 200));
        }
        // 7 of 8 hours to acknowledge are used: past the 75 % warning, not yet breached.
        Complaint nearlyDue = receivedHoursAgo(hall, 7);
        Complaint fresh = receivedHoursAgo(hall, 0);

        CompletableFuture<DeadlineWatch.Result> first = CompletableFuture.supplyAsync(watch::runOnce);
        CompletableFuture<DeadlineWatch.Result> second = CompletableFuture.supplyAsync(watch::runOnce);
        DeadlineWatch.Result a = first.get();
        DeadlineWatch.Result b = second.get();
        assertTrue(a.breaches() + b.breaches() >= 9, a + " " + b);

        for (Complaint c : overdue) {
            Complaint after = reload(c);
            assertEquals(
                    3, count(after, "DEADLINE_BREACHED"), after.getHistoryList().toString());
            assertEquals(1, count(after, "ESCALATE"));
            assertEquals(1, after.getEscalationLevel());
            assertEquals(branch, after.getEscalatedToUnitId());
            assertTrue(after.getDeadlinesList().stream().allMatch(Deadline::getBreached));
        }
        Complaint warned = reload(nearlyDue);
        assertEquals(1, count(warned, "DEADLINE_WARNING"));
        assertEquals(0, count(warned, "DEADLINE_BREACHED"));
        assertEquals(0, count(reload(fresh), "DEADLINE_WARNING"));

        watch.runOnce();
        for (Complaint c : overdue) {
            Complaint after = reload(c);
            assertEquals(3, count(after, "DEADLINE_BREACHED"), "a second pass changes nothing");
            assertEquals(1, after.getEscalationLevel());
        }
        assertEquals(1, count(reload(nearlyDue), "DEADLINE_WARNING"));
    }

    @Test
    void anEscalationThatStandardsServiceCannotAnswerForWaitsForTheNextPassAndHappensOnce() {
        String branch = UUID.randomUUID().toString();
        String hall = UUID.randomUUID().toString();
        FakeStandardsBackend.register(branch, null, true, true);
        FakeStandardsBackend.register(hall, branch, true, true);
        Complaint overdue = receivedHoursAgo(hall, 200);
        FakeStandardsBackend.UNREACHABLE_UNITS.add(hall);
        try {
            watch.runOnce();
            Complaint breached = reload(overdue);
            assertEquals(3, count(breached, "DEADLINE_BREACHED"), "the breaches are on record at once");
            assertEquals(0, count(breached, "ESCALATE"));
            assertEquals(0, breached.getEscalationLevel());
        } finally {
            FakeStandardsBackend.UNREACHABLE_UNITS.remove(hall);
        }
        watch.runOnce();
        watch.runOnce();
        Complaint after = reload(overdue);
        assertEquals(1, count(after, "ESCALATE"), after.getHistoryList().toString());
        assertEquals(1, after.getEscalationLevel());
        assertEquals(branch, after.getEscalatedToUnitId());
        assertEquals(3, count(after, "DEADLINE_BREACHED"));
    }

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void theScheduledWatchIsRecordedInTheAuditTrailAsItsJob() throws Exception {
        String branch = UUID.randomUUID().toString();
        String hall = UUID.randomUUID().toString();
        FakeStandardsBackend.register(branch, null, true, true);
        FakeStandardsBackend.register(hall, branch, true, true);
        Complaint overdue = receivedHoursAgo(hall, 200);
        watch.scheduled();
        assertEquals(1, reload(overdue).getEscalationLevel());
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement read = connection.prepareStatement(
                        "SELECT DISTINCT actor, action FROM audit_event WHERE resource = ? AND operation = 'UPDATE'"
                                + " AND record = 'complaint'")) {
            read.setString(1, "complaints/" + overdue.getId());
            List<String> seen = new ArrayList<>();
            try (java.sql.ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            assertEquals(List.of("service:complaint-service job:deadline-watch"), seen);
        }
    }
}
