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
import org.sqm.proto.inspection.v1.InspectionPeriodBasis;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionResultView;
import org.sqm.proto.inspection.v1.InspectionScore;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.inspection.v1.StreamInspectionResultsRequest;
import org.sqm.proto.inspection.v1.StreamOrderLapsesRequest;
import org.sqm.scoring.service.InspectionResults;
import org.sqm.scoring.service.OrderLapses;
import org.sqm.scoring.service.ScorecardInputs;

/**
 * {@link OrderLapses} and {@link InspectionResults} over gRPC: one streamed call each, read to its end before anything is written, so no
 * database transaction is ever open while the stream is (and the stream is retried whole while
 * inspection-service is unreachable, a safe read).
 */
@ApplicationScoped
public class InspectionFeedGrpcClient implements OrderLapses, InspectionResults {

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

    @Override
    public List<Result> byWindowStart(Instant start, Instant end) {
        StreamInspectionResultsRequest request = StreamInspectionResultsRequest.newBuilder()
                .setPeriodStart(timestamp(start))
                .setPeriodEnd(timestamp(end))
                .setPeriodBasis(InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_WINDOW_START)
                // A scorecard uses the score: the ratings (twenty times the bytes) are not even sent.
                .setView(InspectionResultView.INSPECTION_RESULT_VIEW_SCORE)
                .build();
        return calls.read(SERVICE, () -> {
            List<Result> results = new ArrayList<>();
            feed.streamInspectionResults(request).forEachRemaining(r -> results.add(result(r)));
            return results;
        });
    }

    private static Result result(InspectionResult r) {
        InspectionScore score = r.getScore();
        return new Result(
                r.getUnitId(),
                instant(r.getWindowStart()),
                new ScorecardInputs.Inspection(
                        r.getInspectionId(),
                        r.getKind(),
                        r.getAuthorityLevel(),
                        r.hasScore() && score.hasScore() ? score.getScore() : null,
                        score.getFailed(),
                        List.copyOf(score.getFailedElementCodesList())));
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
