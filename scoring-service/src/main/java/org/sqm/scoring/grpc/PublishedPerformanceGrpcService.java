package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceRequest;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceResponse;
import org.sqm.proto.scoring.v1.PerformancePublication;
import org.sqm.proto.scoring.v1.PublishPerformanceRequest;
import org.sqm.proto.scoring.v1.PublishedPerformanceServiceGrpc;
import org.sqm.scoring.mapping.PublishedPerformanceMapper;
import org.sqm.scoring.service.PerformancePublishing;

/** The gRPC face of {@link PerformancePublishing}; blocking work runs on worker threads. */
@GrpcService
@Blocking
public class PublishedPerformanceGrpcService
        extends PublishedPerformanceServiceGrpc.PublishedPerformanceServiceImplBase {

    private final PerformancePublishing publishing;

    public PublishedPerformanceGrpcService(PerformancePublishing publishing) {
        this.publishing = publishing;
    }

    @Override
    public void publishPerformance(PublishPerformanceRequest request, StreamObserver<PerformancePublication> response) {
        reply(
                response,
                PublishedPerformanceMapper.publication(
                        publishing.publish(request.getPeriod(), Actors.of(request.getActor()))));
    }

    @Override
    public void listPublishedPerformance(
            ListPublishedPerformanceRequest request, StreamObserver<ListPublishedPerformanceResponse> response) {
        reply(
                response,
                PublishedPerformanceMapper.page(publishing.list(
                        request.getPeriod(),
                        request.getUnitType(),
                        request.getParentUnitId(),
                        request.getPageSize(),
                        request.getPageToken())));
    }
}
