package org.sqm.inspection.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.inspection.mapping.InspectorMapper;
import org.sqm.inspection.service.InspectorQueries;
import org.sqm.inspection.service.InspectorRegistration;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.GetInspectorRequest;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc;
import org.sqm.proto.inspection.v1.ListInspectorsRequest;
import org.sqm.proto.inspection.v1.ListInspectorsResponse;

/** The gRPC face of {@link InspectorRegistration} and {@link InspectorQueries}; on worker threads, never the event loop. */
@GrpcService
@Blocking
public class InspectorGrpcService extends InspectorServiceGrpc.InspectorServiceImplBase {

    private final InspectorRegistration registration;
    private final InspectorQueries queries;

    public InspectorGrpcService(InspectorRegistration registration, InspectorQueries queries) {
        this.registration = registration;
        this.queries = queries;
    }

    @Override
    public void createInspector(CreateInspectorRequest request, StreamObserver<Inspector> response) {
        reply(
                response,
                InspectorMapper.toProto(registration.create(
                        InspectorMapper.toNewInspector(request.getInspector()), request.getRequestId())));
    }

    @Override
    public void getInspector(GetInspectorRequest request, StreamObserver<Inspector> response) {
        reply(response, InspectorMapper.toProto(queries.get(request.getId())));
    }

    @Override
    public void listInspectors(ListInspectorsRequest request, StreamObserver<ListInspectorsResponse> response) {
        InspectorQueries.InspectorPage page = queries.list(request.getPageSize(), request.getPageToken());
        reply(
                response,
                ListInspectorsResponse.newBuilder()
                        .addAllInspectors(page.inspectors().stream()
                                .map(InspectorMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }
}
