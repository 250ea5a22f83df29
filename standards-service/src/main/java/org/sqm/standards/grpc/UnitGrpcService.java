package org.sqm.standards.grpc;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
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
        Unit unit = UnitMapper.toProto(units.create(UnitMapper.toNewUnit(request.getUnit()), request.getRequestId()));
        response.onNext(unit);
        response.onCompleted();
    }

    @Override
    public void getUnit(GetUnitRequest request, StreamObserver<Unit> response) {
        response.onNext(UnitMapper.toProto(units.get(request.getId())));
        response.onCompleted();
    }

    @Override
    public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> response) {
        UnitService.UnitPage page = units.list(request.getPageSize(), request.getPageToken());
        response.onNext(ListUnitsResponse.newBuilder()
                .addAllUnits(page.units().stream().map(UnitMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build());
        response.onCompleted();
    }
}
