package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksRequest;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksResponse;
import org.sqm.proto.scoring.v1.SpotCheckServiceGrpc;
import org.sqm.scoring.mapping.SpotCheckMapper;
import org.sqm.scoring.service.SpotChecks;

/** The gRPC face of {@link SpotChecks}: the fired triggers; blocking work runs on worker threads. */
@GrpcService
@Blocking
public class SpotCheckGrpcService extends SpotCheckServiceGrpc.SpotCheckServiceImplBase {

    private final SpotChecks spotChecks;

    public SpotCheckGrpcService(SpotChecks spotChecks) {
        this.spotChecks = spotChecks;
    }

    @Override
    public void listTriggeredSpotChecks(
            ListTriggeredSpotChecksRequest request, StreamObserver<ListTriggeredSpotChecksResponse> response) {
        reply(
                response,
                SpotCheckMapper.toProto(spotChecks.list(
                        request.getUnitId(), request.getPeriod(), request.getPageSize(), request.getPageToken())));
    }
}
