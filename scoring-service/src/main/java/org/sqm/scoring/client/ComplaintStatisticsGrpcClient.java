package org.sqm.scoring.client;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.scoring.service.ComplaintStatistics;
import org.sqm.scoring.service.ScorecardInputs.ComplaintStats;

/**
 * {@link ComplaintStatistics} over gRPC: one streamed call per period, read to its end with no
 * transaction open (and retried whole while complaint-service is unreachable, a safe read).
 */
@ApplicationScoped
public class ComplaintStatisticsGrpcClient implements ComplaintStatistics {

    static final String SERVICE = "complaint-service";

    private final ComplaintServiceGrpc.ComplaintServiceBlockingStub complaints;
    private final RemoteCalls calls;

    public ComplaintStatisticsGrpcClient(
            @GrpcClient("complaints") ComplaintServiceGrpc.ComplaintServiceBlockingStub complaints, RemoteCalls calls) {
        this.complaints = complaints;
        this.calls = calls;
    }

    @Override
    public Map<String, ComplaintStats> byUnit(Instant start, Instant end) {
        StreamComplaintStatisticsRequest request = StreamComplaintStatisticsRequest.newBuilder()
                .setPeriodStart(timestamp(start))
                .setPeriodEnd(timestamp(end))
                .build();
        return calls.read(SERVICE, () -> {
            Map<String, ComplaintStats> byUnit = new HashMap<>();
            complaints.streamComplaintStatistics(request).forEachRemaining(u -> {
                var s = u.getStatistics();
                byUnit.put(
                        u.getUnitId(),
                        new ComplaintStats(
                                s.getReceived(),
                                s.getResolved(),
                                s.getResolvedWithinDeadline(),
                                s.getShareResolvedWithinDeadline(),
                                s.getCallBacksRequired(),
                                s.getCallBacksDone()));
            });
            return byUnit;
        });
    }
}
