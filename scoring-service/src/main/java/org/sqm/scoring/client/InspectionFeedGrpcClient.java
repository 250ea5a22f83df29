package org.sqm.scoring.client;

import static org.sqm.commons.convert.ProtoTime.instant;
import static org.sqm.commons.convert.ProtoTime.timestamp;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc.InspectionFeedServiceBlockingStub;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.inspection.v1.StreamOrderLapsesRequest;
import org.sqm.scoring.service.OrderLapses;

/**
 * {@link OrderLapses} over gRPC: one streamed call, read to its end before anything is written, so no
 * database transaction is ever open while the stream is (and the stream is retried whole while
 * inspection-service is unreachable, a safe read).
 */
@ApplicationScoped
public class InspectionFeedGrpcClient implements OrderLapses {

    static final String SERVICE = "inspection-service";

    private final InspectionFeedServiceBlockingStub feed;
    private final RemoteCalls calls;

    public InspectionFeedGrpcClient(
            @GrpcClient("inspection") InspectionFeedServiceBlockingStub feed, RemoteCalls calls) {
        this.feed = feed;
        this.calls = calls;
    }

    @Override
    public List<Lapse> lapses(Instant start, Instant end) {
        StreamOrderLapsesRequest request = StreamOrderLapsesRequest.newBuilder()
                .setPeriodStart(timestamp(start))
                .setPeriodEnd(timestamp(end))
                .build();
        return calls.read(SERVICE, () -> {
            // A failure in mid-stream surfaces from the iterator, inside the read, and is the service's.
            List<Lapse> lapses = new ArrayList<>();
            feed.streamOrderLapses(request).forEachRemaining(l -> lapses.add(lapse(l)));
            return lapses;
        });
    }

    private static Lapse lapse(OrderLapse l) {
        return new Lapse(
                l.getLapseId(),
                ProtoEnums.toDomain(l.getKind(), Kind.class),
                ProtoEnums.toDomain(l.getOrderKind(), OrderKind.class),
                l.getOrderId(),
                UUID.fromString(l.getUnitId()),
                l.hasDueTime() ? instant(l.getDueTime()) : null,
                instant(l.getOccurredTime()),
                l.getDescription());
    }
}
