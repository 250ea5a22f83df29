package org.sqm.scoring.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.proto.scoring.v1.CreateScoringModelRequest;
import org.sqm.proto.scoring.v1.GetScoringModelRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsRequest;
import org.sqm.proto.scoring.v1.ListScoringModelsResponse;
import org.sqm.proto.scoring.v1.PublishScoringModelRequest;
import org.sqm.proto.scoring.v1.RetireScoringModelRequest;
import org.sqm.proto.scoring.v1.ScoringModel;
import org.sqm.proto.scoring.v1.ScoringModelServiceGrpc;
import org.sqm.proto.scoring.v1.UpdateScoringModelRequest;
import org.sqm.scoring.mapping.ScoringModelMapper;
import org.sqm.scoring.service.ScoringModelService;

/** The gRPC face of {@link ScoringModelService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class ScoringModelGrpcService extends ScoringModelServiceGrpc.ScoringModelServiceImplBase {

    private final ScoringModelService models;

    public ScoringModelGrpcService(ScoringModelService models) {
        this.models = models;
    }

    @Override
    public void createScoringModel(CreateScoringModelRequest request, StreamObserver<ScoringModel> response) {
        reply(response, ScoringModelMapper.toProto(models.create(request.getScoringModel(), request.getRequestId())));
    }

    @Override
    public void getScoringModel(GetScoringModelRequest request, StreamObserver<ScoringModel> response) {
        reply(response, ScoringModelMapper.toProto(models.get(request.getId())));
    }

    @Override
    public void listScoringModels(
            ListScoringModelsRequest request, StreamObserver<ListScoringModelsResponse> response) {
        reply(
                response,
                ScoringModelMapper.toProto(models.list(
                        request.getPageSize(), request.getPageToken(), ScoringModelMapper.toFilter(request))));
    }

    @Override
    public void updateScoringModel(UpdateScoringModelRequest request, StreamObserver<ScoringModel> response) {
        reply(
                response,
                ScoringModelMapper.toProto(models.update(
                        request.getScoringModel(), request.getUpdateMask().getPathsList())));
    }

    @Override
    public void publishScoringModel(PublishScoringModelRequest request, StreamObserver<ScoringModel> response) {
        reply(response, ScoringModelMapper.toProto(models.publish(request.getId(), request.getEtag())));
    }

    @Override
    public void retireScoringModel(RetireScoringModelRequest request, StreamObserver<ScoringModel> response) {
        reply(response, ScoringModelMapper.toProto(models.retire(request.getId(), request.getEtag())));
    }
}
