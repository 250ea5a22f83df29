package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.inspections.InspectionViews.SupervisionChangeBody;
import org.sqm.gateway.rest.inspections.InspectionViews.SupervisionOrderBody;
import org.sqm.gateway.rest.inspections.InspectionViews.SupervisionOrderView;
import org.sqm.proto.inspection.v1.CompleteSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.CreateSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.GetSupervisionOrderRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersResponse;
import org.sqm.proto.inspection.v1.RecordSupervisionCauseRequest;
import org.sqm.proto.inspection.v1.SubmitSupervisionReportRequest;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc.SupervisionServiceBlockingStub;
import org.sqm.proto.inspection.v1.SupervisionStatus;

/** Supervision orders an authority issues directly to a unit, served by inspection-service. */
@Path("/api/v1/supervisionOrders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Supervision orders",
        description = "Orders issued by the province, the city or a regulator: cause, status reports, completion")
@APIResponse(
        responseCode = "409",
        description = "Completing without a cause (CAUSE_REQUIRED), a report before it is due (REPORT_NOT_DUE), a "
                + "move a done order does not allow, a stale etag, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SupervisionOrderResource {

    private static final String SERVICE = "inspection-service";

    private final SupervisionServiceBlockingStub orders;
    private final RemoteCalls calls;
    private final StateChanges<SupervisionOrder> stateChanges;

    public SupervisionOrderResource(
            @GrpcClient("inspection") SupervisionServiceBlockingStub orders, RemoteCalls calls, ObjectMapper json) {
        this.orders = orders;
        this.calls = calls;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, SupervisionOrderResource::answer)
                .verb("recordCause", RecordSupervisionCauseRequest.getDefaultInstance(), orders::recordSupervisionCause)
                .verb("report", SubmitSupervisionReportRequest.getDefaultInstance(), orders::submitSupervisionReport)
                .verb(
                        "complete",
                        CompleteSupervisionOrderRequest.getDefaultInstance(),
                        orders::completeSupervisionOrder);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue a supervision order to a unit",
            description = "The unit must exist and be active. Status reports fall due every reportInterval from now "
                    + "until the order is done. Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = SupervisionOrderView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.SupervisionService/CreateSupervisionOrder")
    public Response create(
            SupervisionOrderBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        SupervisionOrder.Builder order = SupervisionMapping.order(RequestBodies.required(body));
        SupervisionOrder created = calls.write(
                SERVICE,
                () -> orders.createSupervisionOrder(CreateSupervisionOrderRequest.newBuilder()
                        .setOrder(order)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Etags.created(
                uri.getAbsolutePathBuilder().path(created.getId()).build(),
                SupervisionMapping.view(created),
                created.getEtag());
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a supervision order", description = "With its status reports and history.")
    @APIResponse(
            responseCode = "200",
            description = "The order",
            content = @Content(schema = @Schema(implementation = SupervisionOrderView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.SupervisionService/GetSupervisionOrder")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> orders.getSupervisionOrder(
                        GetSupervisionOrderRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List supervision orders", description = "Earliest due first, without reports and history.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.SupervisionService/ListSupervisionOrders")
    public Page<SupervisionOrderView> list(
            @BeanParam PageRequest page,
            @QueryParam("unitId") String unitId,
            @Parameter(description = "OPEN, CAUSE_FOUND or DONE") @QueryParam("status") String status,
            @Parameter(description = "true: only orders past their due time") @QueryParam("overdue") String overdue,
            @Parameter(description = "true: only orders whose next status report is past due")
                    @QueryParam("reportOverdue")
                    String reportOverdue,
            @Parameter(
                            description = "true: only open orders (OPEN or CAUSE_FOUND) in one call; 400 together"
                                    + " with status")
                    @QueryParam("openOnly")
                    String openOnly) {
        ListSupervisionOrdersRequest request = ListSupervisionOrdersRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setStatus(QueryParams.protoEnum("status", status, SupervisionStatus.class))
                .setOverdueOnly(QueryParams.flag("overdue", overdue))
                .setReportOverdueOnly(QueryParams.flag("reportOverdue", reportOverdue))
                .setOpenOnly(QueryParams.flag("openOnly", openOnly))
                .build();
        ListSupervisionOrdersResponse list = calls.read(SERVICE, () -> orders.listSupervisionOrders(request));
        return Page.of(list.getOrdersList(), SupervisionMapping::view, list.getNextPageToken());
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Move a supervision order",
            description = "verb is recordCause (body: cause), report (body: note; the next status report, late "
                    + "after its due time) or complete (body: note; refused until a cause is recorded). If-Match "
                    + "must carry the current etag.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SupervisionChangeBody.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "recordCause": "sqm.inspection.v1.SupervisionService/RecordSupervisionCause",
                    "report": "sqm.inspection.v1.SupervisionService/SubmitSupervisionReport",
                    "complete": "sqm.inspection.v1.SupervisionService/CompleteSupervisionOrder"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    private static Response answer(SupervisionOrder o) {
        return Etags.ok(SupervisionMapping.view(o), o.getEtag());
    }
}
