package org.sqm.inspection.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.mapping.RectificationMapper;
import org.sqm.inspection.service.RectificationService;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc;
import org.sqm.proto.inspection.v1.TransitionRectificationOrderRequest;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;

/** The gRPC face of {@link RectificationService}. */
@GrpcService
@Blocking
public class RectificationGrpcService extends RectificationServiceGrpc.RectificationServiceImplBase {

    private final RectificationService orders;

    public RectificationGrpcService(RectificationService orders) {
        this.orders = orders;
    }

    @Override
    public void getRectificationOrder(
            GetRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
        reply(response, RectificationMapper.toProto(orders.get(request.getId())));
    }

    @Override
    public void listRectificationOrders(
            ListRectificationOrdersRequest request, StreamObserver<ListRectificationOrdersResponse> response) {
        RectificationService.OrderPage page = orders.list(
                new RectificationService.OrderFilter(
                        request.getOwnerUnitId(),
                        request.getInspectionId(),
                        RectificationMapper.toDomain(request.getStatus()),
                        request.getOverdueOnly()),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListRectificationOrdersResponse.newBuilder()
                        .addAllOrders(page.orders().stream()
                                .map(RectificationMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void updateRectificationOrder(
            UpdateRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
        reply(
                response,
                RectificationMapper.toProto(orders.update(
                        request.getId(),
                        request.getEtag(),
                        request.getOwnerUnitId(),
                        request.getDescription(),
                        ProtoTime.instantOrNull(request.hasDueTime(), request.getDueTime()))));
    }

    @Override
    public void transitionRectificationOrder(
            TransitionRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
        reply(
                response,
                RectificationMapper.toProto(orders.transition(
                        request.getId(),
                        request.getEtag(),
                        RectificationMapper.toDomain(request.getAction()),
                        request.getNote(),
                        request.getEffective())));
    }
}
