package org.sqm.inspection.grpc;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.inspection.mapping.InspectorMapper;
import org.sqm.inspection.service.InspectorService;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.GetInspectorRequest;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc;
import org.sqm.proto.inspection.v1.ListInspectorsRequest;
import org.sqm.proto.inspection.v1.ListInspectorsResponse;

/** The gRPC face of {@link InspectorService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class InspectorGrpcService extends InspectorServiceGrpc.InspectorServiceImplBase {

    private final InspectorService inspectors;

    public InspectorGrpcService(InspectorService inspectors) {
        this.inspectors = inspectors;
    }

    @Override
    public void createInspector(CreateInspectorRequest request, StreamObserver<Inspector> response) {
        response.onNext(InspectorMapper.toProto(
                inspectors.create(InspectorMapper.toNewInspector(request.getInspector()), request.getRequestId())));
        response.onCompleted();
    }

    @Override
    public void getInspector(GetInspectorRequest request, StreamObserver<Inspector> response) {
        response.onNext(InspectorMapper.toProto(inspectors.get(request.getId())));
        response.onCompleted();
    }

    @Override
    public void listInspectors(ListInspectorsRequest request, StreamObserver<ListInspectorsResponse> response) {
        InspectorService.InspectorPage page = inspectors.list(request.getPageSize(), request.getPageToken());
        response.onNext(ListInspectorsResponse.newBuilder()
                .addAllInspectors(
                        page.inspectors().stream().map(InspectorMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build());
        response.onCompleted();
    }
}
