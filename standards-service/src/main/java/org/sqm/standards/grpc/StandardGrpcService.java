package org.sqm.standards.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.standards.v1.CreateStandardRequest;
import org.sqm.proto.standards.v1.CreateStandardVersionRequest;
import org.sqm.proto.standards.v1.ExportStandardRequest;
import org.sqm.proto.standards.v1.ExportStandardResponse;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ImportStandardRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.PublishStandardRequest;
import org.sqm.proto.standards.v1.RetireStandardRequest;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc;
import org.sqm.proto.standards.v1.UpdateStandardRequest;
import org.sqm.standards.domain.StandardEntity;
import org.sqm.standards.domain.StandardStatus;
import org.sqm.standards.mapping.StandardMapper;
import org.sqm.standards.service.StandardService;

/** The gRPC face of {@link StandardService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class StandardGrpcService extends StandardServiceGrpc.StandardServiceImplBase {

    private final StandardService standards;

    public StandardGrpcService(StandardService standards) {
        this.standards = standards;
    }

    @Override
    public void createStandard(CreateStandardRequest request, StreamObserver<Standard> response) {
        reply(
                response,
                StandardMapper.toProto(
                        standards.create(StandardMapper.toDraft(request.getStandard()), request.getRequestId()), true));
    }

    @Override
    public void getStandard(GetStandardRequest request, StreamObserver<Standard> response) {
        reply(response, StandardMapper.toProto(standards.get(request.getId()), true));
    }

    @Override
    public void listStandards(ListStandardsRequest request, StreamObserver<ListStandardsResponse> response) {
        PageTokens.Page<StandardEntity> page = standards.list(
                request.getPageSize(),
                request.getPageToken(),
                request.getCode(),
                ProtoEnums.toDomain(request.getStatus(), StandardStatus.class));
        reply(
                response,
                ListStandardsResponse.newBuilder()
                        .addAllStandards(page.items().stream()
                                .map(s -> StandardMapper.toProto(s, false))
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void updateStandard(UpdateStandardRequest request, StreamObserver<Standard> response) {
        Standard s = request.getStandard();
        reply(
                response,
                StandardMapper.toProto(
                        standards.update(
                                s.getId(),
                                s.getEtag(),
                                request.getUpdateMask().getPathsList(),
                                StandardMapper.toDraft(s)),
                        true));
    }

    @Override
    public void publishStandard(PublishStandardRequest request, StreamObserver<Standard> response) {
        reply(response, StandardMapper.toProto(standards.publish(request.getId(), request.getEtag()), true));
    }

    @Override
    public void retireStandard(RetireStandardRequest request, StreamObserver<Standard> response) {
        reply(response, StandardMapper.toProto(standards.retire(request.getId(), request.getEtag()), true));
    }

    @Override
    public void createStandardVersion(CreateStandardVersionRequest request, StreamObserver<Standard> response) {
        reply(
                response,
                StandardMapper.toProto(standards.newVersion(request.getSourceId(), request.getRequestId()), true));
    }

    @Override
    public void exportStandard(ExportStandardRequest request, StreamObserver<ExportStandardResponse> response) {
        reply(
                response,
                ExportStandardResponse.newBuilder()
                        .setDocument(standards.export(request.getId()))
                        .build());
    }

    @Override
    public void importStandard(ImportStandardRequest request, StreamObserver<Standard> response) {
        reply(
                response,
                StandardMapper.toProto(standards.importDocument(request.getDocument(), request.getRequestId()), true));
    }
}
