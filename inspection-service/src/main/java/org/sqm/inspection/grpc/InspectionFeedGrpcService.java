package org.sqm.inspection.grpc;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.commons.error.Violations;
import org.sqm.inspection.mapping.InspectionMapper;
import org.sqm.inspection.mapping.LapseMapper;
import org.sqm.inspection.service.InspectionFeeds;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionPeriodBasis;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionResultView;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.inspection.v1.StreamInspectionResultsRequest;
import org.sqm.proto.inspection.v1.StreamOrderLapsesRequest;

/** The gRPC face of {@link InspectionFeeds}: a period's results and lapses, streamed under flow control. */
@GrpcService
@Blocking
public class InspectionFeedGrpcService extends InspectionFeedServiceGrpc.InspectionFeedServiceImplBase {

    private final InspectionFeeds feeds;

    public InspectionFeedGrpcService(InspectionFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public void streamInspectionResults(
            StreamInspectionResultsRequest request, StreamObserver<InspectionResult> response) {
        new Violations()
                .check(
                        request.getPeriodBasis() != InspectionPeriodBasis.UNRECOGNIZED,
                        "period_basis",
                        "is not a known period basis")
                .check(request.getView() != InspectionResultView.UNRECOGNIZED, "view", "is not a known view")
                .throwIfAny();
        boolean full = request.getView() != InspectionResultView.INSPECTION_RESULT_VIEW_SCORE;
        Outbound<InspectionResult> out = new Outbound<>(response);
        feeds.results(
                ProtoTime.instantOrNull("period_start", request.hasPeriodStart(), request.getPeriodStart()),
                ProtoTime.instantOrNull("period_end", request.hasPeriodEnd(), request.getPeriodEnd()),
                InspectionMapper.toDomain(request.getKind()),
                request.getPeriodBasis() == InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_WINDOW_START,
                full,
                view -> out.send(
                        full
                                ? InspectionMapper.toResult(view)
                                : InspectionMapper.scoreResult(view).build()));
        response.onCompleted();
    }

    @Override
    public void streamOrderLapses(StreamOrderLapsesRequest request, StreamObserver<OrderLapse> response) {
        Outbound<OrderLapse> out = new Outbound<>(response);
        feeds.lapses(
                ProtoTime.instantOrNull("period_start", request.hasPeriodStart(), request.getPeriodStart()),
                ProtoTime.instantOrNull("period_end", request.hasPeriodEnd(), request.getPeriodEnd()),
                lapse -> out.send(LapseMapper.toProto(lapse)));
        response.onCompleted();
    }
}
