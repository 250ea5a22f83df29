package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

/**
 * A connection pool exhausted for a while fails the calls that found it so, and only those, as
 * UNAVAILABLE {@code DATABASE_BUSY} (retryable; the gateway answers 503): once
 * connections are free again every call succeeds, on whichever worker thread it lands (a transaction
 * left bound to a thread by a failed start would fail every later call on that thread).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PoolExhaustionTest {

    private static final String HALL = UUID.randomUUID().toString();

    static {
        FakeStandardsBackend.register(HALL, null, true, true);
    }

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    @Inject
    AgroalDataSource dataSource;

    private Complaint create() {
        return AsRole.as(complaints, "complaint-handler", HALL)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(Complaint.newBuilder()
                                .setUnitId(HALL)
                                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                                .setCategory("REPAIR")
                                .setSeverity(Severity.SEVERITY_MEDIUM)
                                .setDescription("Queue too long.")
                                .setComplainant(Complainant.newBuilder()
                                        .setName("Li Na")
                                        .setPhone("+86 21 5555 0100")))
                        .build());
    }

    @Test
    void callsFailWhileThePoolIsExhaustedAndAllSucceedAfterwards() throws SQLException {
        create();
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();
        Duration acquisitionTimeout = pool.acquisitionTimeout();
        List<Connection> held = new ArrayList<>();
        try {
            // Every connection the pool may open, each given the time a new one needs.
            while (held.size() < pool.maxSize()) {
                held.add(dataSource.getConnection());
            }
            pool.setAcquisitionTimeout(Duration.ofMillis(200));
            assertThrows(SQLException.class, dataSource::getConnection, "the pool is exhausted");
            for (int i = 0; i < 20; i++) {
                StatusRuntimeException failed = assertThrows(StatusRuntimeException.class, this::create);
                // Load, not a bug: retryable (the gateway answers 503), never INTERNAL with an incident.
                assertEquals(Status.Code.UNAVAILABLE, failed.getStatus().getCode(), "call " + i);
                assertEquals("DATABASE_BUSY", GrpcErrors.errorInfo(failed).getReason(), "call " + i);
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
            pool.setAcquisitionTimeout(acquisitionTimeout);
        }
        for (int i = 0; i < 60; i++) {
            assertEquals(ComplaintStatus.COMPLAINT_STATUS_RECEIVED, create().getStatus(), "call " + i);
        }
    }
}
