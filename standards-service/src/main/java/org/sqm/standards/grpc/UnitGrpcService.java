package org.sqm.standards.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.paging.PageTokens;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.DeactivateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitPathRequest;
import org.sqm.proto.standards.v1.GetUnitPathResponse;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.ReactivateUnitRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.proto.standards.v1.UpdateUnitRequest;
import org.sqm.standards.domain.UnitEntity;
import org.sqm.standards.mapping.UnitMapper;
import org.sqm.standards.service.UnitService;

/** The gRPC face of {@link UnitService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class UnitGrpcService extends UnitServiceGrpc.UnitServiceImplBase {

    private final UnitService units;

    public UnitGrpcService(UnitService units) {
        this.units = units;
    }

    @Override
    public void createUnit(CreateUnitRequest request, StreamObserver<Unit> response) {
        reply(
                response,
                UnitMapper.toProto(units.create(UnitMapper.toNewUnit(request.getUnit()), request.getRequestId())));
    }

    @Override
    public void getUnit(GetUnitRequest request, StreamObserver<Unit> response) {
        reply(response, UnitMapper.toProto(units.get(request.getId())));
    }

    @Override
    public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> response) {
        PageTokens.Page<UnitEntity> page = units.list(
                request.getPageSize(), request.getPageToken(), request.getParentId(), request.getShowInactive());
        reply(
                response,
                ListUnitsResponse.newBuilder()
                        .addAllUnits(
                                page.items().stream().map(UnitMapper::toProto).toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void updateUnit(UpdateUnitRequest request, StreamObserver<Unit> response) {
        reply(response, UnitMapper.toProto(units.update(UnitMapper.toChange(request))));
    }

    @Override
    public void deactivateUnit(DeactivateUnitRequest request, StreamObserver<Unit> response) {
        reply(response, UnitMapper.toProto(units.deactivate(request.getId(), request.getEtag())));
    }

    @Override
    public void reactivateUnit(ReactivateUnitRequest request, StreamObserver<Unit> response) {
        reply(response, UnitMapper.toProto(units.reactivate(request.getId(), request.getEtag())));
    }

    @Override
    public void listUnitDescendants(
            ListUnitDescendantsRequest request, StreamObserver<ListUnitDescendantsResponse> response) {
        PageTokens.Page<UnitEntity> page = units.descendants(
                request.getId(), request.getPageSize(), request.getPageToken(), request.getShowInactive());
        reply(
                response,
                ListUnitDescendantsResponse.newBuilder()
                        .addAllUnits(
                                page.items().stream().map(UnitMapper::toProto).toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void getUnitPath(GetUnitPathRequest request, StreamObserver<GetUnitPathResponse> response) {
        reply(
                response,
                GetUnitPathResponse.newBuilder()
                        .addAllUnits(units.path(request.getId()).stream()
                                .map(UnitMapper::toProto)
                                .toList())
                        .build());
    }
}
