package org.sqm.scoring.grpc;

import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsResponse;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;

/**
 * Stand-ins for inspection-service's InspectionService (the inspections scoring-service requests, the
 * finalized results the tests script) and RectificationService (the orders the tests script), reached
 * by scoring-service over real gRPC on the fakes' own port ({@link FakeBackendServer}). Tests add what they need and call
 * {@link #reset()} before they start.
 */
public final class FakeInspections {

    /** The inspections created through CreateInspection, by id. */
    public static final Map<String, Inspection> CREATED = new ConcurrentHashMap<>();
    /** Every CreateInspection request received, retries included. */
    public static final List<CreateInspectionRequest> CREATE_REQUESTS = new CopyOnWriteArrayList<>();
    /** How many CreateInspection calls to fail with UNAVAILABLE before answering again. */
    public static final AtomicInteger CREATE_FAILURES = new AtomicInteger();
    /** What ListInspectionResults answers from (filtered by unit, kind, authority and finalize time). */
    public static final List<InspectionResult> RESULTS = new CopyOnWriteArrayList<>();
    /** The rectification orders, by id. */
    public static final Map<String, RectificationOrder> ORDERS = new ConcurrentHashMap<>();
    /** Every UpdateRectificationOrder request received. */
    public static final List<UpdateRectificationOrderRequest> ORDER_UPDATES = new CopyOnWriteArrayList<>();
    /**
     * How many UpdateRectificationOrder calls find their order changed by someone else just before
     * (its etag moves on, the call fails with ABORTED).
     */
    public static final AtomicInteger CONCURRENT_ORDER_CHANGES = new AtomicInteger();

    private static final Map<String, String> BY_REQUEST_ID = new ConcurrentHashMap<>();

    private FakeInspections() {}

    /** Forgets every inspection, result and order. */
    public static void reset() {
        CREATED.clear();
        CREATE_REQUESTS.clear();
        CREATE_FAILURES.set(0);
        RESULTS.clear();
        ORDERS.clear();
        ORDER_UPDATES.clear();
        CONCURRENT_ORDER_CHANGES.set(0);
        BY_REQUEST_ID.clear();
    }

    public static class Inspections extends InspectionServiceGrpc.InspectionServiceImplBase {

        @Override
        public void createInspection(CreateInspectionRequest request, StreamObserver<Inspection> response) {
            CREATE_REQUESTS.add(request);
            if (CREATE_FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                response.onError(Status.UNAVAILABLE
                        .withDescription("inspection-service is down")
                        .asRuntimeException());
                return;
            }
            String id = BY_REQUEST_ID.computeIfAbsent(
                    request.getRequestId().isEmpty() ? UUID.randomUUID().toString() : request.getRequestId(), k -> {
                        String created = UUID.randomUUID().toString();
                        CREATED.put(
                                created,
                                request.getInspection().toBuilder()
                                        .setId(created)
                                        .setStatus(InspectionStatus.INSPECTION_STATUS_SCHEDULED)
                                        .build());
                        return created;
                    });
            response.onNext(CREATED.get(id));
            response.onCompleted();
        }

        @Override
        public void getInspection(GetInspectionRequest request, StreamObserver<Inspection> response) {
            Inspection found = CREATED.get(request.getId());
            if (found == null) {
                response.onError(Status.NOT_FOUND
                        .withDescription("no inspection " + request.getId())
                        .asRuntimeException());
                return;
            }
            response.onNext(found);
            response.onCompleted();
        }

        @Override
        public void listInspectionResults(
                ListInspectionResultsRequest request, StreamObserver<ListInspectionResultsResponse> response) {
            long from = Timestamps.toMicros(request.getFinalizedFrom());
            long until = Timestamps.toMicros(request.getFinalizedUntil());
            List<InspectionResult> page = RESULTS.stream()
                    .filter(r -> request.getUnitId().isEmpty() || r.getUnitId().equals(request.getUnitId()))
                    .filter(r -> request.getKindValue() == 0 || r.getKind() == request.getKind())
                    .filter(r -> request.getAuthorityLevelValue() == 0
                            || r.getAuthorityLevel() == request.getAuthorityLevel())
                    .filter(r -> Timestamps.toMicros(r.getFinalizeTime()) >= from
                            && Timestamps.toMicros(r.getFinalizeTime()) < until)
                    .sorted(Comparator.comparing(r -> Timestamps.toMicros(r.getFinalizeTime())))
                    .toList();
            // One page holds everything: the tests script a handful of results.
            response.onNext(ListInspectionResultsResponse.newBuilder()
                    .addAllResults(page)
                    .build());
            response.onCompleted();
        }
    }

    public static class Rectification extends RectificationServiceGrpc.RectificationServiceImplBase {

        @Override
        public void getRectificationOrder(
                GetRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
            RectificationOrder found = ORDERS.get(request.getId());
            if (found == null) {
                response.onError(Status.NOT_FOUND
                        .withDescription("no order " + request.getId())
                        .asRuntimeException());
                return;
            }
            response.onNext(found);
            response.onCompleted();
        }

        @Override
        public void listRectificationOrders(
                ListRectificationOrdersRequest request, StreamObserver<ListRectificationOrdersResponse> response) {
            List<RectificationOrder> page = new ArrayList<>(ORDERS.values().stream()
                    .filter(o -> request.getInspectionId().isEmpty()
                            || o.getFinding().getInspectionId().equals(request.getInspectionId()))
                    .filter(o -> request.getOwnerUnitId().isEmpty()
                            || o.getOwnerUnitId().equals(request.getOwnerUnitId()))
                    .filter(o -> request.getStatusValue() == 0 || o.getStatus() == request.getStatus())
                    .filter(o -> !request.getOverdueOnly() || o.getOverdue())
                    .sorted(Comparator.comparing((RectificationOrder o) -> Timestamps.toMicros(o.getDueTime()))
                            .thenComparing(RectificationOrder::getId))
                    .toList());
            response.onNext(ListRectificationOrdersResponse.newBuilder()
                    .addAllOrders(page)
                    .build());
            response.onCompleted();
        }

        @Override
        public void updateRectificationOrder(
                UpdateRectificationOrderRequest request, StreamObserver<RectificationOrder> response) {
            ORDER_UPDATES.add(request);
            RectificationOrder current = ORDERS.get(request.getOrder().getId());
            if (current == null) {
                response.onError(Status.NOT_FOUND.withDescription("no order").asRuntimeException());
                return;
            }
            if (CONCURRENT_ORDER_CHANGES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                current = current.toBuilder()
                        .setEtag(UUID.randomUUID().toString())
                        .build();
                ORDERS.put(current.getId(), current);
            }
            if (!current.getEtag().equals(request.getOrder().getEtag())) {
                response.onError(Status.ABORTED.withDescription("stale etag").asRuntimeException());
                return;
            }
            RectificationOrder.Builder next =
                    current.toBuilder().setEtag(UUID.randomUUID().toString());
            for (String path : request.getUpdateMask().getPathsList()) {
                switch (path) {
                    case "due_time" -> next.setDueTime(request.getOrder().getDueTime());
                    case "description" -> next.setDescription(request.getOrder().getDescription());
                    case "owner_unit_id" -> next.setOwnerUnitId(
                            request.getOrder().getOwnerUnitId());
                    default -> {
                        response.onError(Status.INVALID_ARGUMENT
                                .withDescription("bad mask " + path)
                                .asRuntimeException());
                        return;
                    }
                }
            }
            ORDERS.put(current.getId(), next.build());
            response.onNext(next.build());
            response.onCompleted();
        }
    }
}
