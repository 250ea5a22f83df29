package org.sqm.scoring.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.scoring.service.ActionPlanOrders;

/** {@link ActionPlanOrders} over gRPC: inspection-service's GetRectificationOrder, a read retried while unreachable. */
@ApplicationScoped
public class ActionPlanOrderGrpcClient implements ActionPlanOrders {

    private final RectificationServiceBlockingStub orders;
    private final RemoteCalls calls;

    public ActionPlanOrderGrpcClient(
            @GrpcClient("inspection") RectificationServiceBlockingStub orders, RemoteCalls calls) {
        this.orders = orders;
        this.calls = calls;
    }

    @Override
    public Optional<Order> find(UUID id) {
        return calls.find(
                        InspectionFeedGrpcClient.SERVICE,
                        () -> orders.getRectificationOrder(GetRectificationOrderRequest.newBuilder()
                                .setId(id.toString())
                                .build()))
                .map(ActionPlanOrderGrpcClient::order);
    }

    private static Order order(RectificationOrder o) {
        return new Order(
                UUID.fromString(o.getId()),
                ProtoTime.instant(o.getDueTime()),
                ProtoEnums.toDomain(o.getStatus(), Status.class));
    }
}
