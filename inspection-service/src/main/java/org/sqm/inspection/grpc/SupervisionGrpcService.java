package org.sqm.inspection.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.inspection.mapping.SupervisionMapper;
import org.sqm.inspection.service.SupervisionIssue;
import org.sqm.inspection.service.SupervisionOrders;
import org.sqm.proto.inspection.v1.CompleteSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.CreateSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.GetSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersResponse;
import org.sqm.proto.inspection.v1.RecordSupervisionCauseRequest;
import org.sqm.proto.inspection.v1.SubmitSupervisionReportRequest;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc;

/** The gRPC face of {@link SupervisionIssue} and {@link SupervisionOrders}. */
@GrpcService
@Blocking
public class SupervisionGrpcService extends SupervisionServiceGrpc.SupervisionServiceImplBase {

    private final SupervisionIssue issue;
    private final SupervisionOrders orders;

    public SupervisionGrpcService(SupervisionIssue issue, SupervisionOrders orders) {
        this.issue = issue;
        this.orders = orders;
    }

    @Override
    public void createSupervisionOrder(
            CreateSupervisionOrderRequest request, StreamObserver<SupervisionOrder> response) {
        reply(
                response,
                SupervisionMapper.toProto(issue.create(
                        SupervisionMapper.toNew(request.getOrder()),
                        request.getRequestId(),
                        Actors.of(request.getActor()))));
    }

    @Override
    public void getSupervisionOrder(GetSupervisionOrderRequest request, StreamObserver<SupervisionOrder> response) {
        reply(response, SupervisionMapper.toProto(orders.get(request.getId())));
    }

    @Override
    public void listSupervisionOrders(
            ListSupervisionOrdersRequest request, StreamObserver<ListSupervisionOrdersResponse> response) {
        SupervisionOrders.SupervisionPage page = orders.list(
                new SupervisionOrders.SupervisionFilter(
                        request.getUnitId(),
                        SupervisionMapper.toDomain(request.getStatus()),
                        request.getOverdueOnly(),
                        request.getReportOverdueOnly(),
                        request.getOpenOnly()),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListSupervisionOrdersResponse.newBuilder()
                        .addAllOrders(page.orders().stream()
                                .map(SupervisionMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void recordSupervisionCause(
            RecordSupervisionCauseRequest request, StreamObserver<SupervisionOrder> response) {
        reply(
                response,
                SupervisionMapper.toProto(orders.recordCause(
                        request.getId(), request.getEtag(), request.getCause(), Actors.of(request.getActor()))));
    }

    @Override
    public void submitSupervisionReport(
            SubmitSupervisionReportRequest request, StreamObserver<SupervisionOrder> response) {
        reply(
                response,
                SupervisionMapper.toProto(orders.report(
                        request.getId(), request.getEtag(), request.getNote(), Actors.of(request.getActor()))));
    }

    @Override
    public void completeSupervisionOrder(
            CompleteSupervisionOrderRequest request, StreamObserver<SupervisionOrder> response) {
        reply(
                response,
                SupervisionMapper.toProto(orders.complete(
                        request.getId(), request.getEtag(), request.getNote(), Actors.of(request.getActor()))));
    }
}
