package org.sqm.scoring.client;

import static org.sqm.commons.convert.ProtoTime.timestamp;

import com.google.protobuf.FieldMask;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsResponse;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;
import org.sqm.scoring.service.OnSiteAssessments;

/**
 * {@link OnSiteAssessments} over gRPC: lists read page by page (safe reads, retried while
 * inspection-service is unreachable), a due time moved once per call (a write, guarded by the etag).
 */
@ApplicationScoped
public class OnSiteAssessmentsGrpcClient implements OnSiteAssessments {

    /** Every on-site assessment there is was finalized after this. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final int PAGE_SIZE = 1000;

    private final InspectionServiceBlockingStub inspections;
    private final RectificationServiceBlockingStub rectification;
    private final RemoteCalls calls;

    public OnSiteAssessmentsGrpcClient(
            @GrpcClient("inspection") InspectionServiceBlockingStub inspections,
            @GrpcClient("inspection") RectificationServiceBlockingStub rectification,
            RemoteCalls calls) {
        this.inspections = inspections;
        this.rectification = rectification;
        this.calls = calls;
    }

    @Override
    public List<InspectionResult> finalized(UUID unitId, Instant until) {
        List<InspectionResult> results = new ArrayList<>();
        calls.readAllPages(
                InspectionFeedGrpcClient.SERVICE,
                token -> inspections.listInspectionResults(ListInspectionResultsRequest.newBuilder()
                        .setUnitId(unitId.toString())
                        .setKind(InspectionKind.INSPECTION_KIND_ON_SITE_ASSESSMENT)
                        .setFinalizedFrom(timestamp(EARLIEST))
                        .setFinalizedUntil(timestamp(until))
                        .setPageSize(PAGE_SIZE)
                        .setPageToken(token)
                        .build()),
                (ListInspectionResultsResponse page) -> results.addAll(page.getResultsList()),
                ListInspectionResultsResponse::getNextPageToken);
        return results;
    }

    @Override
    public List<RectificationOrder> orders(String inspectionId) {
        List<RectificationOrder> orders = new ArrayList<>();
        calls.readAllPages(
                InspectionFeedGrpcClient.SERVICE,
                token -> rectification.listRectificationOrders(ListRectificationOrdersRequest.newBuilder()
                        .setInspectionId(inspectionId)
                        .setPageSize(PAGE_SIZE)
                        .setPageToken(token)
                        .build()),
                (ListRectificationOrdersResponse page) -> orders.addAll(page.getOrdersList()),
                ListRectificationOrdersResponse::getNextPageToken);
        return orders;
    }

    @Override
    public RectificationOrder order(String id) {
        return calls.read(
                InspectionFeedGrpcClient.SERVICE,
                () -> rectification.getRectificationOrder(
                        GetRectificationOrderRequest.newBuilder().setId(id).build()));
    }

    @Override
    public RectificationOrder moveDueTime(RectificationOrder order, Instant due, String actor) {
        UpdateRectificationOrderRequest request = UpdateRectificationOrderRequest.newBuilder()
                .setOrder(RectificationOrder.newBuilder()
                        .setId(order.getId())
                        .setEtag(order.getEtag())
                        .setDueTime(timestamp(due)))
                .setUpdateMask(FieldMask.newBuilder().addPaths("due_time"))
                .setActor(actor)
                .build();
        return calls.write(InspectionFeedGrpcClient.SERVICE, () -> rectification.updateRectificationOrder(request));
    }
}
