package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.convert.Texts;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Etags;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.inspections.InspectionViews.AssignBody;
import org.sqm.gateway.rest.inspections.InspectionViews.ChangeBody;
import org.sqm.gateway.rest.inspections.InspectionViews.ComparisonView;
import org.sqm.gateway.rest.inspections.InspectionViews.ContactBody;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectionBody;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectionView;
import org.sqm.gateway.rest.inspections.InspectionViews.RatingsBody;
import org.sqm.gateway.rest.inspections.InspectionViews.ResultView;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.AuthorityLevel;
import org.sqm.proto.inspection.v1.CancelInspectionRequest;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.FinalizeInspectionRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionKind;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.proto.inspection.v1.InspectionStatus;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsResponse;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.RecordMysteryShoppingContactRequest;
import org.sqm.proto.inspection.v1.ReturnInspectionRequest;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.inspection.v1.SubmitInspectionRequest;

/** Inspections and their results, served by inspection-service. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Inspections",
        description = "Inspections of units against a pinned standard version, from scheduled to finalized")
@APIResponse(
        responseCode = "409",
        description = "A move the lifecycle does not allow (a finalized inspection never changes), mandatory "
                + "elements unrated (`errors` lists each), a stale etag, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InspectionResource {

    private static final String SERVICE = "inspection-service";

    private final InspectionServiceBlockingStub inspections;
    private final RemoteCalls calls;
    private final StateChanges<Inspection> stateChanges;

    public InspectionResource(
            @GrpcClient("inspection") InspectionServiceBlockingStub inspections, RemoteCalls calls, ObjectMapper json) {
        this.inspections = inspections;
        this.calls = calls;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, InspectionResource::answer)
                .verb("start", StartInspectionRequest.getDefaultInstance(), inspections::startInspection)
                .verb("submit", SubmitInspectionRequest.getDefaultInstance(), inspections::submitInspection)
                .verb("return", ReturnInspectionRequest.getDefaultInstance(), inspections::returnInspection)
                .verb("finalize", FinalizeInspectionRequest.getDefaultInstance(), inspections::finalizeInspection)
                .verb("cancel", CancelInspectionRequest.getDefaultInstance(), inspections::cancelInspection);
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
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/CreateInspection")
    public Response create(InspectionBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        Inspection.Builder inspection = InspectionMapping.inspection(RequestBodies.required(body));
        Inspection created = calls.write(
                SERVICE,
                () -> inspections.createInspection(CreateInspectionRequest.newBuilder()
                        .setInspection(inspection)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Etags.created(
                uri.getAbsolutePathBuilder().path(created.getId()).build(),
                InspectionMapping.view(created),
                created.getEtag());
    }

    @GET
    @Path("/inspections/{id: " + Segments.ID + "}")
    @Operation(summary = "Read an inspection", description = "With its pinned elements and ratings.")
    @APIResponse(
            responseCode = "200",
            description = "The inspection",
            content = @Content(schema = @Schema(implementation = InspectionView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/GetInspection")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> inspections.getInspection(
                        GetInspectionRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/inspections")
    @Operation(summary = "List inspections", description = "Latest window first, without ratings.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/ListInspections")
    public Page<InspectionView> list(
            @BeanParam PageRequest page,
            @QueryParam("unitId") String unitId,
            @QueryParam("planId") String planId,
            @Parameter(description = "SCHEDULED, IN_PROGRESS, SUBMITTED, RETURNED, FINALIZED or CANCELLED")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "true: only inspections whose window ended before they were submitted")
                    @QueryParam("missed")
                    String missed,
            @Parameter(
                            description = "true: only open inspections (SCHEDULED, IN_PROGRESS, SUBMITTED or"
                                    + " RETURNED) in one call; 400 together with status")
                    @QueryParam("openOnly")
                    String openOnly) {
        ListInspectionsRequest request = ListInspectionsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setPlanId(nullToEmpty(planId))
                .setMissedOnly(QueryParams.flag("missed", missed))
                .setStatus(QueryParams.protoEnum("status", status, InspectionStatus.class))
                .setOpenOnly(QueryParams.flag("openOnly", openOnly))
                .build();
        ListInspectionsResponse list = calls.read(SERVICE, () -> inspections.listInspections(request));
        return Page.of(list.getInspectionsList(), InspectionMapping::view, list.getNextPageToken());
    }

    @PUT
    @Path("/inspections/{id: " + Segments.ID + "}/inspectors")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Assign the inspectors",
            description =
                    "Replaces the assigned inspectors. Each needs a certificate valid now and through the window, "
                            + "qualified for the kind and of the inspection's authority or above; regulator inspections need two "
                            + "or more. If-Match must carry the current etag.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/AssignInspectors")
    public Response assign(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AssignBody body) {
        if (body == null || body.inspectorIds() == null) {
            throw new InvalidRequestException("inspectorIds", "is required");
        }
        AssignInspectorsRequest request = AssignInspectorsRequest.newBuilder()
                .setId(id)
                .setEtag(Etags.fromIfMatch(ifMatch))
                .addAllInspectorIds(
                        body.inspectorIds().stream().map(Texts::nullToEmpty).toList())
                .build();
        return answer(calls.write(SERVICE, () -> inspections.assignInspectors(request)));
    }

    @PUT
    @Path("/inspections/{id: " + Segments.ID + "}/mysteryShoppingContact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record the mystery shopping visit or call",
            description =
                    "The contact time must lie within the inspection's window. If-Match must carry the current etag.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/RecordMysteryShoppingContact")
    public Response contact(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ContactBody body) {
        RecordMysteryShoppingContactRequest request = RecordMysteryShoppingContactRequest.newBuilder()
                .setId(id)
                .setEtag(Etags.fromIfMatch(ifMatch))
                .setContact(InspectionMapping.contact(RequestBodies.required(body)))
                .build();
        return answer(calls.write(SERVICE, () -> inspections.recordMysteryShoppingContact(request)));
    }

    @POST
    @Path("/inspections/{id: " + Segments.ID + "}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Rate elements",
            description = "Sets the ratings, replacing earlier ratings of the same elements; all or nothing. Several "
                    + "inspectors may rate at once, so no If-Match is needed.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/RateElements")
    public Response rate(@PathParam("id") String id, RatingsBody body) {
        if (body == null || body.ratings() == null) {
            throw new InvalidRequestException("ratings", "is required");
        }
        RateElementsRequest request = RateElementsRequest.newBuilder()
                .setId(id)
                .addAllRatings(
                        body.ratings().stream().map(InspectionMapping::rating).toList())
                .build();
        return answer(calls.write(SERVICE, () -> inspections.rateElements(request)));
    }

    @POST
    @Path("/inspections/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Move an inspection through its lifecycle",
            description = "verb is one of start, submit, return (body: note), finalize, cancel (body: note). "
                    + "If-Match must carry the current etag. finalize "
                    + "stores the score and turns every failing rating into a finding with a rectification order.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChangeBody.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "start": "sqm.inspection.v1.InspectionService/StartInspection",
                    "submit": "sqm.inspection.v1.InspectionService/SubmitInspection",
                    "return": "sqm.inspection.v1.InspectionService/ReturnInspection",
                    "finalize": "sqm.inspection.v1.InspectionService/FinalizeInspection",
                    "cancel": "sqm.inspection.v1.InspectionService/CancelInspection"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    @GET
    @Path("/inspections/{id: " + Segments.ID + "}/comparison")
    @Operation(
            summary = "Compare with the previous inspection",
            description =
                    "Element by element beside the latest earlier finalized inspection of the same unit and kind.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/CompareInspection")
    public ComparisonView compare(@PathParam("id") String id) {
        return InspectionMapping.view(calls.read(
                SERVICE,
                () -> inspections.compareInspection(
                        CompareInspectionRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/inspectionResults")
    @Operation(
            summary = "Finalized inspections with every rating",
            description = "For scoring and reports: finalized in [finalizedFrom, finalizedUntil), by finalize time.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionService/ListInspectionResults")
    public Page<ResultView> results(
            @BeanParam PageRequest page,
            @Parameter(required = true) @QueryParam("finalizedFrom") String finalizedFrom,
            @Parameter(required = true) @QueryParam("finalizedUntil") String finalizedUntil,
            @QueryParam("unitId") String unitId,
            @QueryParam("kind") String kind,
            @QueryParam("authorityLevel") String authorityLevel) {
        ListInspectionResultsRequest.Builder request = ListInspectionResultsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setKind(QueryParams.protoEnum("kind", kind, InspectionKind.class))
                .setAuthorityLevel(QueryParams.protoEnum("authorityLevel", authorityLevel, AuthorityLevel.class));
        Times.ifPresent("finalizedFrom", finalizedFrom, request::setFinalizedFrom);
        Times.ifPresent("finalizedUntil", finalizedUntil, request::setFinalizedUntil);
        ListInspectionResultsResponse list =
                calls.read(SERVICE, () -> inspections.listInspectionResults(request.build()));
        return Page.of(list.getResultsList(), InspectionMapping::view, list.getNextPageToken());
    }

    private static Response answer(Inspection i) {
        return Etags.ok(InspectionMapping.view(i), i.getEtag());
    }
}
