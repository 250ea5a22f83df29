package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.emptyToNull;
import static org.sqm.gateway.rest.Paging.etagHeader;
import static org.sqm.gateway.rest.Paging.flag;
import static org.sqm.gateway.rest.Paging.ifMatch;
import static org.sqm.gateway.rest.Paging.nextPageToken;
import static org.sqm.gateway.rest.Paging.nz;
import static org.sqm.gateway.rest.Paging.pageSize;
import static org.sqm.gateway.rest.Paging.pageToken;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
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
import org.sqm.gateway.rest.ComplaintViews.CategoryView;
import org.sqm.gateway.rest.ComplaintViews.Channel;
import org.sqm.gateway.rest.ComplaintViews.ComplaintBody;
import org.sqm.gateway.rest.ComplaintViews.ComplaintView;
import org.sqm.gateway.rest.ComplaintViews.DeadlineView;
import org.sqm.gateway.rest.ComplaintViews.EventView;
import org.sqm.gateway.rest.ComplaintViews.MoveBody;
import org.sqm.gateway.rest.StandardViews.Severity;
import org.sqm.proto.complaint.v1.Complainant;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintAction;
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
import org.sqm.proto.complaint.v1.TransitionComplaintRequest;

/** Customer complaints, served by complaint-service. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints", description = "Complaints from intake to closure, against service-level deadlines")
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description = "A move the lifecycle does not allow, a stale etag, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ComplaintResource {

    private static final Map<String, ComplaintAction> MOVES = Map.of(
            "acknowledge", ComplaintAction.COMPLAINT_ACTION_ACKNOWLEDGE,
            "startInvestigation", ComplaintAction.COMPLAINT_ACTION_START_INVESTIGATION,
            "waitOnCustomer", ComplaintAction.COMPLAINT_ACTION_WAIT_ON_CUSTOMER,
            "resume", ComplaintAction.COMPLAINT_ACTION_RESUME,
            "resolve", ComplaintAction.COMPLAINT_ACTION_RESOLVE,
            "close", ComplaintAction.COMPLAINT_ACTION_CLOSE,
            "reopen", ComplaintAction.COMPLAINT_ACTION_REOPEN,
            "withdraw", ComplaintAction.COMPLAINT_ACTION_WITHDRAW);
    private static final String CHANNEL = "COMPLAINT_CHANNEL_";
    private static final String STATUS = "COMPLAINT_STATUS_";

    private final ComplaintServiceBlockingStub complaints;
    private final BackendCalls calls;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public ComplaintResource(
            @GrpcClient("complaints") ComplaintServiceBlockingStub complaints,
            BackendCalls calls,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.complaints = complaints;
        this.calls = calls;
        this.json = json;
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
    public Response create(
            ComplaintBody body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "Who records it, for the history") @HeaderParam("X-Actor") String actor,
            UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        Complaint.Builder c = Complaint.newBuilder()
                .setUnitId(nz(body.unitId()))
                .setCategory(nz(body.category()))
                .setDescription(nz(body.description()))
                .setRemedySought(nz(body.remedySought()));
        if (body.channel() != null) {
            c.setChannel(ComplaintChannel.valueOf(CHANNEL + body.channel().name()));
        }
        if (body.severity() != null) {
            c.setSeverity(StandardMapping.severity(body.severity()));
        }
        if (body.complainant() != null) {
            c.setComplainant(Complainant.newBuilder()
                    .setName(nz(body.complainant().name()))
                    .setEmail(nz(body.complainant().email()))
                    .setPhone(nz(body.complainant().phone())));
        }
        if (body.receiveTime() != null) {
            c.setReceiveTime(Times.timestamp("receiveTime", body.receiveTime()));
        }
        Complaint created = calls.write(() -> complaints.createComplaint(CreateComplaintRequest.newBuilder()
                .setComplaint(c)
                .setRequestId(nz(idempotencyKey))
                .setActor(nz(actor))
                .build()));
        return Response.created(URI.create(uri.getBaseUri().getPath() + "api/v1/complaints/" + created.getId()))
                .header(HttpHeaders.ETAG, etagHeader(created.getEtag()))
                .entity(toView(created))
                .build();
    }

    @GET
    @Path("/complaints/{id: [^/:]+}")
    @Operation(
            summary = "Read a complaint",
            description = "With deadlines, time used and history; view=full adds the complainant.")
    @APIResponse(
            responseCode = "200",
            description = "The complaint",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    public Response get(
            @PathParam("id") String id,
            @Parameter(description = "basic (default) or full") @QueryParam("view") String view) {
        boolean full;
        if (view == null || view.isEmpty() || view.equals("basic")) {
            full = false;
        } else if (view.equals("full")) {
            full = true;
        } else {
            throw new InvalidRequestException("view", "must be basic or full");
        }
        Complaint c = calls.read(() -> complaints.getComplaint(GetComplaintRequest.newBuilder()
                .setId(id)
                .setView(
                        full
                                ? org.sqm.proto.complaint.v1.ComplaintView.COMPLAINT_VIEW_FULL
                                : org.sqm.proto.complaint.v1.ComplaintView.COMPLAINT_VIEW_BASIC)
                .build()));
        return okWithEtag(c);
    }

    @GET
    @Path("/complaints")
    @Operation(summary = "List complaints", description = "Newest receipt first; never with complainant data.")
    public Page<ComplaintView> list(
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken,
            @QueryParam("unitId") String unitId,
            @Parameter(description = "true: also units below unitId") @QueryParam("includeDescendants")
                    String includeDescendants,
            @QueryParam("status") String status,
            @Parameter(description = "true: only complaints with a missed deadline") @QueryParam("overdue")
                    String overdue,
            @QueryParam("category") String category,
            @QueryParam("channel") String channel,
            @QueryParam("receivedAfter") String receivedAfter,
            @QueryParam("receivedBefore") String receivedBefore) {
        ListComplaintsRequest.Builder request = ListComplaintsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .setUnitId(nz(unitId))
                .setIncludeDescendants(flag("includeDescendants", includeDescendants))
                .setOverdueOnly(flag("overdue", overdue))
                .setCategory(nz(category));
        if (status != null && !status.isEmpty()) {
            request.setStatus(Paging.enumValue("status", STATUS, status, ComplaintStatus.class));
        }
        if (channel != null && !channel.isEmpty()) {
            request.setChannel(Paging.enumValue("channel", CHANNEL, channel, ComplaintChannel.class));
        }
        if (receivedAfter != null && !receivedAfter.isEmpty()) {
            request.setReceivedAfter(Times.timestamp("receivedAfter", receivedAfter));
        }
        if (receivedBefore != null && !receivedBefore.isEmpty()) {
            request.setReceivedBefore(Times.timestamp("receivedBefore", receivedBefore));
        }
        ListComplaintsResponse page = calls.read(() -> complaints.listComplaints(request.build()));
        return new Page<>(
                page.getComplaintsList().stream().map(ComplaintResource::toView).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    @POST
    @Path("/complaints/{id: [^/:]+}:{move}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Move a complaint through its lifecycle",
            description = "move is one of acknowledge, startInvestigation, waitOnCustomer (pauses the resolution "
                    + "clock), resume, resolve (body: rootCause, remedy), close, reopen, withdraw, escalate, "
                    + "recordSatisfaction (body: score 1-5, note; 1 or 2 schedules a call-back), "
                    + "recordCallBack (body: outcome). "
                    + "If-Match must carry the current etag; a move the lifecycle does not allow is 409.")
    @APIResponse(
            responseCode = "200",
            description = "The complaint after the move",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    public Response move(
            @PathParam("id") String id,
            @PathParam("move") String move,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam("X-Actor") String actor,
            String body) {
        MoveBody b = moveBody(body);
        if (move.equals("recordSatisfaction")) {
            ComplaintViews.SatisfactionBody satisfaction = read(body, ComplaintViews.SatisfactionBody.class);
            if (satisfaction.score() == null) {
                throw new InvalidRequestException("score", "is required: 1 to 5");
            }
            return okWithEtag(calls.write(() -> complaints.recordSatisfaction(RecordSatisfactionRequest.newBuilder()
                    .setId(id)
                    .setEtag(ifMatch(ifMatch))
                    .setScore(satisfaction.score())
                    .setNote(nz(satisfaction.note()))
                    .setActor(nz(actor))
                    .build())));
        }
        if (move.equals("recordCallBack")) {
            ComplaintViews.CallBackBody callBack = read(body, ComplaintViews.CallBackBody.class);
            return okWithEtag(calls.write(() -> complaints.recordCallBack(RecordCallBackRequest.newBuilder()
                    .setId(id)
                    .setEtag(ifMatch(ifMatch))
                    .setOutcome(nz(callBack.outcome()))
                    .setActor(nz(actor))
                    .build())));
        }
        if (move.equals("escalate")) {
            return okWithEtag(calls.write(() -> complaints.escalateComplaint(EscalateComplaintRequest.newBuilder()
                    .setId(id)
                    .setEtag(ifMatch(ifMatch))
                    .setNote(nz(b.note()))
                    .setActor(nz(actor))
                    .build())));
        }
        ComplaintAction action = MOVES.get(move);
        if (action == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return okWithEtag(calls.write(() -> complaints.transitionComplaint(TransitionComplaintRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .setAction(action)
                .setNote(nz(b.note()))
                .setActor(nz(actor))
                .setRootCause(nz(b.rootCause()))
                .setRemedy(nz(b.remedy()))
                .build())));
    }

    @GET
    @Path("/complaint-categories")
    @Operation(summary = "List complaint categories")
    public List<CategoryView> categories() {
        return calls
                .read(() -> complaints.listComplaintCategories(ListComplaintCategoriesRequest.getDefaultInstance()))
                .getCategoriesList()
                .stream()
                .map(c -> new CategoryView(c.getCode(), c.getName()))
                .toList();
    }

    /** The optional JSON body of a move; read here so that a move without body or content type works. */
    private MoveBody moveBody(String body) {
        return body == null || body.isBlank() ? new MoveBody(null, null, null) : read(body, MoveBody.class);
    }

    private <T> T read(String body, Class<T> type) {
        return Paging.readBody(json, body, type, null);
    }

    static ComplaintView toView(Complaint c) {
        return new ComplaintView(
                c.getId(),
                c.getReference(),
                c.getUnitId(),
                Channel.valueOf(c.getChannel().name().substring(CHANNEL.length())),
                c.getCategory(),
                Severity.valueOf(c.getSeverity().name().substring("SEVERITY_".length())),
                c.getDescription(),
                emptyToNull(c.getRemedySought()),
                c.hasComplainant()
                        ? new ComplaintViews.Complainant(
                                c.getComplainant().getName(),
                                emptyToNull(c.getComplainant().getEmail()),
                                emptyToNull(c.getComplainant().getPhone()))
                        : null,
                c.getStatus().name().substring(STATUS.length()),
                c.getEtag(),
                c.getDeadlinesList().stream()
                        .map(d -> new DeadlineView(
                                d.getKind().name().substring("DEADLINE_KIND_".length()),
                                Times.toRest(d.getAllowed()),
                                Times.toRest(d.getDueTime()),
                                d.hasMetTime() ? Times.toRest(d.getMetTime()) : null,
                                d.getBreached(),
                                d.hasUsed() ? Times.toRest(d.getUsed()) : null))
                        .toList(),
                c.getHistoryCount() == 0
                        ? null
                        : c.getHistoryList().stream()
                                .map(e -> new EventView(
                                        Times.toRest(e.getTime()),
                                        e.getActor(),
                                        e.getAction(),
                                        status(e.getFromStatus()),
                                        status(e.getToStatus()),
                                        emptyToNull(e.getNote())))
                                .toList(),
                emptyToNull(c.getEscalatedToUnitId()),
                c.getEscalationLevel(),
                emptyToNull(c.getRootCause()),
                emptyToNull(c.getRemedy()),
                c.hasResolveTime() ? Times.toRest(c.getResolveTime()) : null,
                emptyToNull(c.getDeadlineSource()),
                Times.toRest(c.getReceiveTime()),
                Times.toRest(c.getCreateTime()),
                c.getSatisfaction() == 0 ? null : c.getSatisfaction(),
                emptyToNull(c.getCallBackOutcome()),
                c.hasResolutionBusinessTime() ? Times.toRest(c.getResolutionBusinessTime()) : null);
    }

    private static String status(ComplaintStatus s) {
        return s == ComplaintStatus.COMPLAINT_STATUS_UNSPECIFIED
                ? null
                : s.name().substring(STATUS.length());
    }

    private static Response okWithEtag(Complaint c) {
        return Paging.okWithEtag(toView(c), c.getEtag());
    }
}
