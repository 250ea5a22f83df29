package org.sqm.gateway.rest.complaints;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.complaints.ComplaintViews.CategoryView;
import org.sqm.gateway.rest.complaints.ComplaintViews.ChangeBody;
import org.sqm.gateway.rest.complaints.ComplaintViews.ComplaintBody;
import org.sqm.gateway.rest.complaints.ComplaintViews.ComplaintView;
import org.sqm.gateway.rest.http.Etags;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.http.Times;
import org.sqm.proto.complaint.v1.AcknowledgeComplaintRequest;
import org.sqm.proto.complaint.v1.CloseComplaintRequest;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.EscalateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintCategoriesRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.proto.complaint.v1.RecordCallBackRequest;
import org.sqm.proto.complaint.v1.RecordSatisfactionRequest;
import org.sqm.proto.complaint.v1.ReopenComplaintRequest;
import org.sqm.proto.complaint.v1.ResolveComplaintRequest;
import org.sqm.proto.complaint.v1.ResumeComplaintRequest;
import org.sqm.proto.complaint.v1.StartComplaintInvestigationRequest;
import org.sqm.proto.complaint.v1.WaitOnCustomerRequest;
import org.sqm.proto.complaint.v1.WithdrawComplaintRequest;

/** Customer complaints, served by complaint-service. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints", description = "Complaints from intake to closure, against service-level deadlines")
@APIResponse(
        responseCode = "409",
        description = "A move the lifecycle does not allow, a stale etag, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ComplaintResource {

    private static final String SERVICE = "complaint-service";

    private final ComplaintServiceBlockingStub complaints;
    private final RemoteCalls calls;
    private final StateChanges<Complaint> stateChanges;

    public ComplaintResource(
            @GrpcClient("complaints") ComplaintServiceBlockingStub complaints, RemoteCalls calls, ObjectMapper json) {
        this.complaints = complaints;
        this.calls = calls;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, ComplaintResource::answer)
                .verb("acknowledge", AcknowledgeComplaintRequest.getDefaultInstance(), complaints::acknowledgeComplaint)
                .verb(
                        "startInvestigation",
                        StartComplaintInvestigationRequest.getDefaultInstance(),
                        complaints::startComplaintInvestigation)
                .verb("waitOnCustomer", WaitOnCustomerRequest.getDefaultInstance(), complaints::waitOnCustomer)
                .verb("resume", ResumeComplaintRequest.getDefaultInstance(), complaints::resumeComplaint)
                .verb("resolve", ResolveComplaintRequest.getDefaultInstance(), complaints::resolveComplaint)
                .verb("close", CloseComplaintRequest.getDefaultInstance(), complaints::closeComplaint)
                .verb("reopen", ReopenComplaintRequest.getDefaultInstance(), complaints::reopenComplaint)
                .verb("withdraw", WithdrawComplaintRequest.getDefaultInstance(), complaints::withdrawComplaint)
                .verb("escalate", EscalateComplaintRequest.getDefaultInstance(), complaints::escalateComplaint)
                .verb(
                        "recordSatisfaction",
                        RecordSatisfactionRequest.getDefaultInstance(),
                        complaints::recordSatisfaction,
                        "score")
                .verb("recordCallBack", RecordCallBackRequest.getDefaultInstance(), complaints::recordCallBack);
    }

    @POST
    @Path("/complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a complaint",
            description =
                    "Deadlines come from the unit's service-level targets on its calendar. Send an "
                            + "Idempotency-Key: a retry returns the same complaint; the same key for a different complaint is 409.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/CreateComplaint")
    public Response create(ComplaintBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        Complaint.Builder complaint = ComplaintMapping.complaint(RequestBodies.required(body));
        Complaint created = calls.write(
                SERVICE,
                () -> complaints.createComplaint(CreateComplaintRequest.newBuilder()
                        .setComplaint(complaint)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Etags.created(
                uri.getAbsolutePathBuilder().path(created.getId()).build(),
                ComplaintMapping.view(created),
                created.getEtag());
    }

    @GET
    @Path("/complaints/{id: " + Segments.ID + "}")
    @Operation(
            summary = "Read a complaint",
            description = "With deadlines, time used and history; view=full adds the complainant.")
    @APIResponse(
            responseCode = "200",
            description = "The complaint",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/GetComplaint")
    public Response get(
            @PathParam("id") String id,
            @Parameter(description = "basic (default) or full") @QueryParam("view") String view) {
        var detail =
                switch (view == null ? "" : view) {
                    case "", "basic" -> org.sqm.proto.complaint.v1.ComplaintView.COMPLAINT_VIEW_BASIC;
                    case "full" -> org.sqm.proto.complaint.v1.ComplaintView.COMPLAINT_VIEW_FULL;
                    default -> throw new InvalidRequestException("view", "must be basic or full");
                };
        return answer(calls.read(
                SERVICE,
                () -> complaints.getComplaint(GetComplaintRequest.newBuilder()
                        .setId(id)
                        .setView(detail)
                        .build())));
    }

    @GET
    @Path("/complaints")
    @Operation(summary = "List complaints", description = "Newest receipt first; never with complainant data.")
    @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/ListComplaints")
    public Page<ComplaintView> list(
            @BeanParam PageRequest page,
            @QueryParam("unitId") String unitId,
            @Parameter(description = "true: also units below unitId") @QueryParam("includeDescendants")
                    String includeDescendants,
            @QueryParam("status") String status,
            @Parameter(description = "true: only complaints with a missed deadline") @QueryParam("overdue")
                    String overdue,
            @QueryParam("category") String category,
            @QueryParam("channel") String channel,
            @QueryParam("receivedAfter") String receivedAfter,
            @QueryParam("receivedBefore") String receivedBefore,
            @Parameter(
                            description = "true: only open complaints (RECEIVED, ACKNOWLEDGED, INVESTIGATING or"
                                    + " WAITING_ON_CUSTOMER) in one call; 400 together with status")
                    @QueryParam("openOnly")
                    String openOnly) {
        ListComplaintsRequest.Builder request = ListComplaintsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setIncludeDescendants(QueryParams.flag("includeDescendants", includeDescendants))
                .setStatus(QueryParams.protoEnum("status", status, ComplaintStatus.class))
                .setOverdueOnly(QueryParams.flag("overdue", overdue))
                .setCategory(nullToEmpty(category))
                .setChannel(QueryParams.protoEnum("channel", channel, ComplaintChannel.class))
                .setOpenOnly(QueryParams.flag("openOnly", openOnly));
        Times.ifPresent("receivedAfter", receivedAfter, request::setReceivedAfter);
        Times.ifPresent("receivedBefore", receivedBefore, request::setReceivedBefore);
        ListComplaintsResponse list = calls.read(SERVICE, () -> complaints.listComplaints(request.build()));
        return Page.of(list.getComplaintsList(), ComplaintMapping::view, list.getNextPageToken());
    }

    @POST
    @Path("/complaints/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Move a complaint through its lifecycle",
            description = "verb is one of acknowledge, startInvestigation, waitOnCustomer (pauses the resolution "
                    + "clock), resume, resolve (body: rootCause, remedy), close, reopen, withdraw, escalate, "
                    + "recordSatisfaction (body: score 1-5, note; 1 or 2 schedules a call-back), "
                    + "recordCallBack (body: outcome). "
                    + "If-Match must carry the current etag; a move the lifecycle does not allow is 409.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChangeBody.class)))
    @APIResponse(
            responseCode = "200",
            description = "The complaint after the move",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "acknowledge": "sqm.complaint.v1.ComplaintService/AcknowledgeComplaint",
                    "startInvestigation": "sqm.complaint.v1.ComplaintService/StartComplaintInvestigation",
                    "waitOnCustomer": "sqm.complaint.v1.ComplaintService/WaitOnCustomer",
                    "resume": "sqm.complaint.v1.ComplaintService/ResumeComplaint",
                    "resolve": "sqm.complaint.v1.ComplaintService/ResolveComplaint",
                    "close": "sqm.complaint.v1.ComplaintService/CloseComplaint",
                    "reopen": "sqm.complaint.v1.ComplaintService/ReopenComplaint",
                    "withdraw": "sqm.complaint.v1.ComplaintService/WithdrawComplaint",
                    "escalate": "sqm.complaint.v1.ComplaintService/EscalateComplaint",
                    "recordSatisfaction": "sqm.complaint.v1.ComplaintService/RecordSatisfaction",
                    "recordCallBack": "sqm.complaint.v1.ComplaintService/RecordCallBack"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    @GET
    @Path("/complaint-categories")
    @Operation(summary = "List complaint categories")
    @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/ListComplaintCategories")
    public List<CategoryView> categories() {
        return calls
                .read(
                        SERVICE,
                        () -> complaints.listComplaintCategories(ListComplaintCategoriesRequest.getDefaultInstance()))
                .getCategoriesList()
                .stream()
                .map(c -> new CategoryView(c.getCode(), c.getName()))
                .toList();
    }

    private static Response answer(Complaint c) {
        return Etags.ok(ComplaintMapping.view(c), c.getEtag());
    }
}
