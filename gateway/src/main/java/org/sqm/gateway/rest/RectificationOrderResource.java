package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.flag;
import static org.sqm.gateway.rest.Paging.ifMatch;
import static org.sqm.gateway.rest.Paging.nextPageToken;
import static org.sqm.gateway.rest.Paging.nz;
import static org.sqm.gateway.rest.Paging.pageSize;
import static org.sqm.gateway.rest.Paging.pageToken;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.grpc.BackendCalls;
import org.sqm.gateway.rest.InspectionViews.OrderMoveBody;
import org.sqm.gateway.rest.InspectionViews.OrderPatch;
import org.sqm.gateway.rest.InspectionViews.OrderView;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationAction;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.TransitionRectificationOrderRequest;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;

/** Rectification orders answering the findings of finalized inspections, served by inspection-service. */
@Path("/api/v1/rectificationOrders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rectification orders", description = "Findings, their orders, follow-up and verification")
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description = "A move the order's status does not allow, or a stale etag",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RectificationOrderResource {

    private static final Map<String, RectificationAction> MOVES = Map.of(
            "start", RectificationAction.RECTIFICATION_ACTION_START,
            "complete", RectificationAction.RECTIFICATION_ACTION_COMPLETE,
            "verify", RectificationAction.RECTIFICATION_ACTION_VERIFY);

    private final RectificationServiceBlockingStub orders;
    private final BackendCalls calls;
    private final ObjectMapper json;

    public RectificationOrderResource(
            @GrpcClient("inspection") RectificationServiceBlockingStub orders, BackendCalls calls, ObjectMapper json) {
        this.orders = orders;
        this.calls = calls;
        this.json = json;
    }

    @GET
    @Path("/{id: [^/:]+}")
    @Operation(summary = "Read an order with its finding")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response get(@PathParam("id") String id) {
        return ok(calls.read(() -> orders.getRectificationOrder(
                GetRectificationOrderRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List orders", description = "Earliest due first.")
    public Page<OrderView> list(
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken,
            @QueryParam("ownerUnitId") String ownerUnitId,
            @QueryParam("inspectionId") String inspectionId,
            @Parameter(description = "OPEN, IN_PROGRESS, DONE or VERIFIED") @QueryParam("status") String status,
            @Parameter(description = "true: only overdue orders") @QueryParam("overdue") String overdue) {
        ListRectificationOrdersRequest.Builder request = ListRectificationOrdersRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .setOwnerUnitId(nz(ownerUnitId))
                .setInspectionId(nz(inspectionId))
                .setOverdueOnly(flag("overdue", overdue));
        if (status != null && !status.isEmpty()) {
            request.setStatus(Paging.enumValue("status", "RECTIFICATION_STATUS_", status, RectificationStatus.class));
        }
        ListRectificationOrdersResponse page = calls.read(() -> orders.listRectificationOrders(request.build()));
        return new Page<>(
                page.getOrdersList().stream().map(InspectionMapping::order).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    @PATCH
    @Path("/{id: [^/:]+}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change an order's owner unit, description or due time",
            description = "Only while open or in progress. If-Match must carry the current etag.")
    public Response update(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, OrderPatch body) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        UpdateRectificationOrderRequest.Builder request = UpdateRectificationOrderRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .setOwnerUnitId(nz(body.ownerUnitId()))
                .setDescription(nz(body.description()));
        if (body.dueTime() != null) {
            request.setDueTime(Times.timestamp("dueTime", body.dueTime()));
        }
        return ok(calls.write(() -> orders.updateRectificationOrder(request.build())));
    }

    @POST
    @Path("/{id: [^/:]+}:{move}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Move an order",
            description = "move is start, complete (body: note) or verify (body: note, effective); verify with "
                    + "effective false reopens the order. If-Match must carry the current etag.")
    public Response move(
            @PathParam("id") String id,
            @PathParam("move") String move,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        RectificationAction action = MOVES.get(move);
        if (action == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        OrderMoveBody b = Paging.readBody(json, body, OrderMoveBody.class, new OrderMoveBody(null, null));
        if (action == RectificationAction.RECTIFICATION_ACTION_VERIFY && b.effective() == null) {
            throw new InvalidRequestException("effective", "is required for verify: true or false");
        }
        return ok(calls.write(() -> orders.transitionRectificationOrder(TransitionRectificationOrderRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .setAction(action)
                .setNote(nz(b.note()))
                .setEffective(Boolean.TRUE.equals(b.effective()))
                .build())));
    }

    private static Response ok(RectificationOrder o) {
        return Paging.okWithEtag(InspectionMapping.order(o), o.getEtag());
    }
}
