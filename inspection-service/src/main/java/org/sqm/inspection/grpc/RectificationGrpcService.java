package org.sqm.inspection.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.inspection.mapping.RectificationMapper;
import org.sqm.inspection.service.RectificationOrderUpdate;
import org.sqm.inspection.service.RectificationOrders;
import org.sqm.proto.inspection.v1.CompleteRectificationOrderRequest;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc;
import org.sqm.proto.inspection.v1.StartRectificationOrderRequest;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;
import org.sqm.proto.inspection.v1.VerifyRectificationOrderRequest;

/** The gRPC face of {@link RectificationOrders} and {@link RectificationOrderUpdate}. */
@GrpcService
@Blocking
public class RectificationGrpcService extends RectificationServiceGrpc.RectificationServiceImplBase {

    private final RectificationOrders orders;
    private final RectificationOrderUpdate update;

    public RectificationGrpcService(RectificationOrders orders, RectificationOrderUpdate update) {
        this.orders = orders;
        this.update = update;
    }

    @Override
    public void getRectificationOrder(
            GetRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
        reply(response, RectificationMapper.toProto(orders.get(request.getId())));
    }

    @Override
    public void listRectificationOrders(
            ListRectificationOrdersRequest request, StreamObserver<ListRectificationOrdersResponse> response) {
        RectificationOrders.OrderPage page = orders.list(
                new RectificationOrders.OrderFilter(
                        request.getOwnerUnitId(),
                        request.getInspectionId(),
                        RectificationMapper.toDomain(request.getStatus()),
                        request.getOverdueOnly(),
                        request.getOpenOnly()),
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
                RectificationMapper.toProto(update.update(
                        RectificationMapper.toChange(request.getOrder(), Actors.of(request.getActor())),
                        request.getUpdateMask().getPathsList())));
    }

    @Override
    public void startRectificationOrder(
            StartRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
        reply(
                response,
                RectificationMapper.toProto(orders.start(
                        request.getId(), request.getEtag(), request.getNote(), Actors.of(request.getActor()))));
    }

    @Override
    public void completeRectificationOrder(
            CompleteRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
        reply(
                response,
                RectificationMapper.toProto(orders.complete(
                        request.getId(), request.getEtag(), request.getNote(), Actors.of(request.getActor()))));
    }

    @Override
    public void verifyRectificationOrder(
            VerifyRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
        reply(
                response,
                RectificationMapper.toProto(orders.verify(
                        request.getId(),
                        request.getEtag(),
                        request.getNote(),
                        request.getEffective(),
                        Actors.of(request.getActor()))));
    }
}
