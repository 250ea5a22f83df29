package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Etags;
import org.sqm.gateway.rest.http.MergePatch;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.inspections.InspectionViews.OrderChangeBody;
import org.sqm.gateway.rest.inspections.InspectionViews.OrderPatch;
import org.sqm.gateway.rest.inspections.InspectionViews.OrderView;
import org.sqm.proto.inspection.v1.CompleteRectificationOrderRequest;
import org.sqm.proto.inspection.v1.GetRectificationOrderRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc.RectificationServiceBlockingStub;
import org.sqm.proto.inspection.v1.RectificationStatus;
import org.sqm.proto.inspection.v1.StartRectificationOrderRequest;
import org.sqm.proto.inspection.v1.UpdateRectificationOrderRequest;
import org.sqm.proto.inspection.v1.VerifyRectificationOrderRequest;

/** Rectification orders answering the findings of finalized inspections, served by inspection-service. */
@Path("/api/v1/rectificationOrders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rectification orders", description = "Findings, their orders, follow-up and verification")
@APIResponse(
        responseCode = "409",
        description = "A move the order's status does not allow, or a stale etag",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RectificationOrderResource {

    private static final String SERVICE = "inspection-service";

    private static final MergePatch<RectificationOrder.Builder> PATCH = new MergePatch<RectificationOrder.Builder>()
            .text("ownerUnitId", RectificationOrder.Builder::setOwnerUnitId)
            .text("description", RectificationOrder.Builder::setDescription)
            .text("dueTime", (order, dueTime) -> order.setDueTime(Times.timestamp("dueTime", dueTime)));

    private final RectificationServiceBlockingStub orders;
    private final RemoteCalls calls;
    private final ObjectMapper json;
    private final StateChanges<RectificationOrder> stateChanges;

    public RectificationOrderResource(
            @GrpcClient("inspection") RectificationServiceBlockingStub orders, RemoteCalls calls, ObjectMapper json) {
        this.orders = orders;
        this.calls = calls;
        this.json = json;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, RectificationOrderResource::answer)
                .verb("start", StartRectificationOrderRequest.getDefaultInstance(), orders::startRectificationOrder)
                .verb(
                        "complete",
                        CompleteRectificationOrderRequest.getDefaultInstance(),
                        orders::completeRectificationOrder)
                .verb(
                        "verify",
                        VerifyRectificationOrderRequest.getDefaultInstance(),
                        orders::verifyRectificationOrder,
                        "effective");
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read an order with its finding")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.RectificationService/GetRectificationOrder")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> orders.getRectificationOrder(
                        GetRectificationOrderRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List orders", description = "Earliest due first.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.RectificationService/ListRectificationOrders")
    public Page<OrderView> list(
            @BeanParam PageRequest page,
            @QueryParam("ownerUnitId") String ownerUnitId,
            @QueryParam("inspectionId") String inspectionId,
            @Parameter(description = "OPEN, IN_PROGRESS, DONE or VERIFIED") @QueryParam("status") String status,
            @Parameter(description = "true: only overdue orders") @QueryParam("overdue") String overdue,
            @Parameter(
                            description = "true: only open orders (OPEN or IN_PROGRESS) in one call; 400 together"
                                    + " with status")
                    @QueryParam("openOnly")
                    String openOnly) {
        ListRectificationOrdersRequest request = ListRectificationOrdersRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setOwnerUnitId(nullToEmpty(ownerUnitId))
                .setInspectionId(nullToEmpty(inspectionId))
                .setOverdueOnly(QueryParams.flag("overdue", overdue))
                .setStatus(QueryParams.protoEnum("status", status, RectificationStatus.class))
                .setOpenOnly(QueryParams.flag("openOnly", openOnly))
                .build();
        ListRectificationOrdersResponse list = calls.read(SERVICE, () -> orders.listRectificationOrders(request));
        return Page.of(list.getOrdersList(), InspectionMapping::view, list.getNextPageToken());
    }

    @PATCH
    @Path("/{id: " + Segments.ID + "}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change an order's owner unit, description or due time",
            description = "Send only the fields to change. Only while open or in progress. "
                    + "If-Match must carry the current etag.")
    @RequestBody(content = @Content(schema = @Schema(implementation = OrderPatch.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.RectificationService/UpdateRectificationOrder")
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        UpdateRectificationOrderRequest request =
                PATCH.request(UpdateRectificationOrderRequest.getDefaultInstance(), id, ifMatch, body, json).toBuilder()
                        .build();
        return answer(calls.write(SERVICE, () -> orders.updateRectificationOrder(request)));
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Move an order",
            description = "verb is start, complete (body: note) or verify (body: note, effective); verify with "
                    + "effective false reopens the order. If-Match must carry the current etag.")
    @RequestBody(content = @Content(schema = @Schema(implementation = OrderChangeBody.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "start": "sqm.inspection.v1.RectificationService/StartRectificationOrder",
                    "complete": "sqm.inspection.v1.RectificationService/CompleteRectificationOrder",
                    "verify": "sqm.inspection.v1.RectificationService/VerifyRectificationOrder"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    private static Response answer(RectificationOrder o) {
        return Etags.ok(InspectionMapping.view(o), o.getEtag());
    }
}
