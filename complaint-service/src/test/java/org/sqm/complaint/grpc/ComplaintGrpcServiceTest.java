package org.sqm.complaint.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.testing.EmbeddedPostgresResource;
import org.sqm.testing.GrpcErrors;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ComplaintGrpcServiceTest {

    private static final String UNIT = UUID.randomUUID().toString();

    @GrpcClient("complaints")
    ComplaintServiceBlockingStub complaints;

    @GrpcClient("health")
    HealthGrpc.HealthBlockingStub health;

    private static CreateComplaintRequest request(String requestId, Instant received) {
        Complaint.Builder complaint = Complaint.newBuilder()
                .setUnitId(UNIT)
                .setChannel(ComplaintChannel.COMPLAINT_CHANNEL_PHONE)
                .setDescription("The hall closed 30 minutes before the posted time.");
        if (received != null) {
            complaint.setReceiveTime(Timestamp.newBuilder().setSeconds(received.getEpochSecond()));
        }
        return CreateComplaintRequest.newBuilder()
                .setComplaint(complaint)
                .setRequestId(requestId)
                .build();
    }

    @Test
    void recordedComplaintHasAReferenceAndCanBeReadBack() {
        Instant received = Instant.parse("2026-03-02T09:15:00Z");
        Complaint created = complaints.createComplaint(request("", received));

        Complaint read = complaints.getComplaint(
                GetComplaintRequest.newBuilder().setId(created.getId()).build());

        assertEquals(created, read);
        assertTrue(read.getReference().matches("C-2026-\\d{6}"), read.getReference());
        assertEquals(received.getEpochSecond(), read.getReceiveTime().getSeconds());
    }

    @Test
    void racingRetriesWithOneRequestIdRecordOneComplaint() throws Exception {
        CreateComplaintRequest request = request(UUID.randomUUID().toString(), null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Complaint>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> complaints.createComplaint(request));
            }
            Set<String> references = new HashSet<>();
            for (Future<Complaint> f : pool.invokeAll(calls)) {
                references.add(f.get().getReference());
            }
            assertEquals(1, references.size(), "every retry must return the same complaint");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidFieldsAreAllReported() {
        var e = assertThrows(
                StatusRuntimeException.class,
                () -> complaints.createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(Complaint.newBuilder()
                                .setUnitId("hall 7")
                                .setChannelValue(42)
                                .setReceiveTime(Timestamp.newBuilder()
                                        .setSeconds(Instant.now().getEpochSecond() + 86_400)))
                        .build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("complaint-service", GrpcErrors.errorInfo(e).getDomain());
        assertEquals(
                List.of("complaint.unit_id", "complaint.channel", "complaint.description", "complaint.receive_time"),
                GrpcErrors.violatedFields(e));
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

    @Test
    void listingWalksEveryComplaintOnceNewestFirst() {
        Set<String> created = new HashSet<>();
        Instant sameInstant = Instant.parse("2026-05-05T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            // Equal receipt times must neither repeat nor skip across page boundaries.
            created.add(complaints.createComplaint(request("", sameInstant)).getId());
        }
        Set<String> seen = new HashSet<>();
        List<Long> times = new ArrayList<>();
        String token = "";
        do {
            ListComplaintsResponse page = complaints.listComplaints(ListComplaintsRequest.newBuilder()
                    .setPageSize(2)
                    .setPageToken(token)
                    .build());
            page.getComplaintsList().forEach(c -> {
                assertTrue(seen.add(c.getId()), "a complaint appeared twice");
                times.add(c.getReceiveTime().getSeconds());
            });
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertTrue(seen.containsAll(created));
        assertEquals(times.stream().sorted((a, b) -> Long.compare(b, a)).toList(), times);
    }

    @Test
    void grpcHealthServiceAnswersServing() {
        assertEquals(
                HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder().build()).getStatus());
    }
}
