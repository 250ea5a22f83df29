package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.etagHeader;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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
import org.sqm.gateway.rest.InspectionViews.AssignBody;
import org.sqm.gateway.rest.InspectionViews.ComparisonView;
import org.sqm.gateway.rest.InspectionViews.ContactBody;
import org.sqm.gateway.rest.InspectionViews.InspectionBody;
import org.sqm.gateway.rest.InspectionViews.InspectionView;
import org.sqm.gateway.rest.InspectionViews.MoveBody;
import org.sqm.gateway.rest.InspectionViews.RatingsBody;
import org.sqm.gateway.rest.InspectionViews.ResultView;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.ContactMode;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionAction;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsResponse;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.MysteryShoppingContact;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.RecordMysteryShoppingContactRequest;
import org.sqm.proto.inspection.v1.TransitionInspectionRequest;

/** Inspections and their results, served by inspection-service. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Inspections",
        description = "Inspections of units against a pinned standard version, from scheduled to finalized")
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description = "A move the lifecycle does not allow (a finalized inspection never changes), mandatory "
                + "elements unrated (`errors` lists each), a stale etag, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InspectionResource {

    private static final Map<String, InspectionAction> MOVES = Map.of(
            "start", InspectionAction.INSPECTION_ACTION_START,
            "submit", InspectionAction.INSPECTION_ACTION_SUBMIT,
            "return", InspectionAction.INSPECTION_ACTION_RETURN,
            "finalize", InspectionAction.INSPECTION_ACTION_FINALIZE,
            "cancel", InspectionAction.INSPECTION_ACTION_CANCEL);

    private final InspectionServiceBlockingStub inspections;
    private final BackendCalls calls;
    private final ObjectMapper json;

    public InspectionResource(
            @GrpcClient("inspection") InspectionServiceBlockingStub inspections,
            BackendCalls calls,
            ObjectMapper json) {
        this.inspections = inspections;
        this.calls = calls;
        this.json = json;
    }

    @POST
    @Path("/inspections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Schedule an inspection",
            description =
                    "Pinned to the standard version published now (or to standardId). Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Scheduled",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    public Response create(InspectionBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        Inspection.Builder i = Inspection.newBuilder()
                .setUnitId(nz(body.unitId()))
                .setKind(InspectionMapping.kind(body.kind()))
                .setAuthorityLevel(InspectionMapping.authority(body.authorityLevel()))
                .setStandardCode(nz(body.standardCode()))
                .setStandardId(nz(body.standardId()));
        if (body.windowStart() != null) {
            i.setWindowStart(Times.timestamp("windowStart", body.windowStart()));
        }
        if (body.windowEnd() != null) {
            i.setWindowEnd(Times.timestamp("windowEnd", body.windowEnd()));
        }
        Inspection created = calls.write(() -> inspections.createInspection(CreateInspectionRequest.newBuilder()
                .setInspection(i)
                .setRequestId(nz(idempotencyKey))
                .build()));
        return Response.created(URI.create(uri.getBaseUri().getPath() + "api/v1/inspections/" + created.getId()))
                .header(HttpHeaders.ETAG, etagHeader(created.getEtag()))
                .entity(InspectionMapping.inspection(created))
                .build();
    }

    @GET
    @Path("/inspections/{id: [^/:]+}")
    @Operation(summary = "Read an inspection", description = "With its pinned elements and ratings.")
    @APIResponse(
            responseCode = "200",
            description = "The inspection",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    public Response get(@PathParam("id") String id) {
        return ok(calls.read(() -> inspections.getInspection(
                GetInspectionRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/inspections")
    @Operation(summary = "List inspections", description = "Latest window first, without ratings.")
    public Page<InspectionView> list(
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken,
            @QueryParam("unitId") String unitId,
            @QueryParam("planId") String planId,
            @Parameter(description = "SCHEDULED, IN_PROGRESS, SUBMITTED, RETURNED, FINALIZED or CANCELLED")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "true: only inspections whose window ended before they were submitted")
                    @QueryParam("missed")
                    String missed) {
        ListInspectionsRequest.Builder request = ListInspectionsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .setUnitId(nz(unitId))
                .setPlanId(nz(planId))
                .setMissedOnly(flag("missed", missed));
        if (status != null && !status.isEmpty()) {
            request.setStatus(Paging.enumValue("status", "INSPECTION_STATUS_", status, InspectionStatus.class));
        }
        ListInspectionsResponse page = calls.read(() -> inspections.listInspections(request.build()));
        return new Page<>(
                page.getInspectionsList().stream()
                        .map(InspectionMapping::inspection)
                        .toList(),
                nextPageToken(page.getNextPageToken()));
    }

    @PUT
    @Path("/inspections/{id: [^/:]+}/inspectors")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Assign the inspectors",
            description =
                    "Replaces the assigned inspectors. Each needs a certificate valid now and through the window, "
                            + "qualified for the kind and of the inspection's authority or above; regulator inspections need two "
                            + "or more. If-Match must carry the current etag.")
    public Response assign(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AssignBody body) {
        if (body == null || body.inspectorIds() == null) {
            throw new InvalidRequestException("inspectorIds", "is required");
        }
        return ok(calls.write(() -> inspections.assignInspectors(AssignInspectorsRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .addAllInspectorIds(body.inspectorIds().stream().map(Paging::nz).toList())
                .build())));
    }

    @PUT
    @Path("/inspections/{id: [^/:]+}/mysteryShoppingContact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record the mystery shopping visit or call",
            description =
                    "The contact time must lie within the inspection's window. If-Match must carry the current etag.")
    public Response contact(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ContactBody body) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        MysteryShoppingContact.Builder c = MysteryShoppingContact.newBuilder().setScenario(nz(body.scenario()));
        if (body.mode() != null) {
            c.setMode(ContactMode.valueOf("CONTACT_MODE_" + body.mode().name()));
        }
        if (body.contactTime() != null) {
            c.setContactTime(Times.timestamp("contactTime", body.contactTime()));
        }
        return ok(calls.write(
                () -> inspections.recordMysteryShoppingContact(RecordMysteryShoppingContactRequest.newBuilder()
                        .setId(id)
                        .setEtag(ifMatch(ifMatch))
                        .setContact(c)
                        .build())));
    }

    @POST
    @Path("/inspections/{id: [^/:]+}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rate elements",
            description = "Sets the ratings, replacing earlier ratings of the same elements; all or nothing. Several "
                    + "inspectors may rate at once, so no If-Match is needed.")
    public Response rate(@PathParam("id") String id, RatingsBody body) {
        if (body == null || body.ratings() == null) {
            throw new InvalidRequestException("ratings", "is required");
        }
        return ok(calls.write(() -> inspections.rateElements(RateElementsRequest.newBuilder()
                .setId(id)
                .addAllRatings(
                        body.ratings().stream().map(InspectionMapping::rating).toList())
                .build())));
    }

    @POST
    @Path("/inspections/{id: [^/:]+}:{move}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Move an inspection through its lifecycle",
            description = "move is one of start, submit, return (body: note), finalize, cancel (body: note). "
                    + "If-Match must carry the current etag. finalize turns every failing rating into a finding with a "
                    + "rectification order.")
    public Response move(
            @PathParam("id") String id,
            @PathParam("move") String move,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            String body) {
        InspectionAction action = MOVES.get(move);
        if (action == null) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        MoveBody b = Paging.readBody(json, body, MoveBody.class, new MoveBody(null));
        return ok(calls.write(() -> inspections.transitionInspection(TransitionInspectionRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .setAction(action)
                .setNote(nz(b.note()))
                .build())));
    }

    @GET
    @Path("/inspections/{id: [^/:]+}/comparison")
    @Operation(
            summary = "Compare with the previous inspection",
            description =
                    "Element by element beside the latest earlier finalized inspection of the same unit and kind.")
    public ComparisonView compare(@PathParam("id") String id) {
        return InspectionMapping.comparison(calls.read(() -> inspections.compareInspection(
                CompareInspectionRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/inspectionResults")
    @Operation(
            summary = "Finalized inspections with every rating",
            description = "For scoring and reports: finalized in [finalizedFrom, finalizedUntil), by finalize time.")
    public Page<ResultView> results(
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken,
            @Parameter(required = true) @QueryParam("finalizedFrom") String finalizedFrom,
            @Parameter(required = true) @QueryParam("finalizedUntil") String finalizedUntil,
            @QueryParam("unitId") String unitId,
            @QueryParam("kind") String kind,
            @QueryParam("authorityLevel") String authorityLevel) {
        ListInspectionResultsRequest.Builder request = ListInspectionResultsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .setUnitId(nz(unitId));
        if (finalizedFrom != null && !finalizedFrom.isEmpty()) {
            request.setFinalizedFrom(Times.timestamp("finalizedFrom", finalizedFrom));
        }
        if (finalizedUntil != null && !finalizedUntil.isEmpty()) {
            request.setFinalizedUntil(Times.timestamp("finalizedUntil", finalizedUntil));
        }
        if (kind != null && !kind.isEmpty()) {
            request.setKind(Paging.enumValue("kind", InspectionMapping.KIND, kind, InspectionKind.class));
        }
        if (authorityLevel != null && !authorityLevel.isEmpty()) {
            request.setAuthorityLevel(Paging.enumValue(
                    "authorityLevel", InspectionMapping.AUTHORITY, authorityLevel, AuthorityLevel.class));
        }
        ListInspectionResultsResponse page = calls.read(() -> inspections.listInspectionResults(request.build()));
        return new Page<>(
                page.getResultsList().stream().map(InspectionMapping::result).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    private static Response ok(Inspection i) {
        return Paging.okWithEtag(InspectionMapping.inspection(i), i.getEtag());
    }
}
