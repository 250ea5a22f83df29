package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.etagHeader;
import static org.sqm.gateway.rest.Paging.ifMatch;
import static org.sqm.gateway.rest.Paging.nextPageToken;
import static org.sqm.gateway.rest.Paging.nz;
import static org.sqm.gateway.rest.Paging.pageSize;
import static org.sqm.gateway.rest.Paging.pageToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.FieldMask;
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
import org.sqm.gateway.rest.StandardViews.Criterion;
import org.sqm.gateway.rest.StandardViews.RatingScale;
import org.sqm.gateway.rest.StandardViews.ServiceChannel;
import org.sqm.gateway.rest.StandardViews.StandardBody;
import org.sqm.gateway.rest.StandardViews.StandardView;
import org.sqm.proto.standards.v1.CreateStandardRequest;
import org.sqm.proto.standards.v1.CreateStandardVersionRequest;
import org.sqm.proto.standards.v1.ExportStandardRequest;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.PublishStandardRequest;
import org.sqm.proto.standards.v1.RetireStandardRequest;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.UpdateStandardRequest;

/** Versioned service standards, served by standards-service. */
@Path("/api/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Standards",
        description = "Versioned service standards: draft, publish (frozen for good), new version, retire")
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field (e.g. criteria[0].subCriteria[1].code)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description = "Wrong state (e.g. editing a published version) or a stale etag",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StandardResource {

    private static final Map<String, String> CHANGEABLE = MergePatch.fields(
            "title", "title",
            "description", "description",
            "effectiveFrom", "effective_from",
            "effectiveUntil", "effective_until",
            "unitTypes", "unit_types",
            "channels", "channels",
            "ratingScale", "rating_scale",
            "criteria", "criteria",
            "serviceLevelTargets", "service_level_targets");

    private final StandardServiceBlockingStub standards;
    private final BackendCalls calls;
    private final ObjectMapper json;

    public StandardResource(
            @GrpcClient("standards") StandardServiceBlockingStub standards, BackendCalls calls, ObjectMapper json) {
        this.standards = standards;
        this.calls = calls;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a standard",
            description = "Creates version 1 as a draft. Idempotency-Key makes retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "The draft",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    public Response create(StandardBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        Standard.Builder standard = Standard.newBuilder()
                .setCode(nz(body.code()))
                .setTitle(nz(body.title()))
                .setDescription(nz(body.description()))
                .setEffectiveFrom(nz(body.effectiveFrom()))
                .setEffectiveUntil(nz(body.effectiveUntil()))
                .addAllUnitTypes(StandardMapping.unitTypes(body.unitTypes()))
                .addAllChannels(StandardMapping.channels(body.channels()))
                .addAllCriteria(StandardMapping.criteria(body.criteria()))
                .addAllServiceLevelTargets(StandardMapping.targets(body.serviceLevelTargets()));
        if (body.ratingScale() != null) {
            standard.setRatingScale(StandardMapping.ratingScale(body.ratingScale()));
        }
        return created(
                uri,
                calls.write(() -> standards.createStandard(CreateStandardRequest.newBuilder()
                        .setStandard(standard)
                        .setRequestId(nz(idempotencyKey))
                        .build())));
    }

    static Response created(UriInfo uri, Standard s) {
        return Response.created(URI.create(uri.getBaseUri().getPath() + "api/v1/standards/" + s.getId()))
                .header(HttpHeaders.ETAG, etagHeader(s.getEtag()))
                .entity(StandardMapping.toView(s))
                .build();
    }

    @GET
    @Path("/{id: [^/:]+}")
    @Operation(summary = "Read a version of a standard", description = "With its whole tree.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    public Response get(@PathParam("id") String id) {
        return okWithEtag(calls.read(() ->
                standards.getStandard(GetStandardRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List standards", description = "By code then version; without their trees.")
    public Page<StandardView> list(
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken,
            @Parameter(description = "Only the versions of this standard") @QueryParam("code") String code,
            @Parameter(description = "DRAFT, PUBLISHED or RETIRED") @QueryParam("status") String status) {
        ListStandardsResponse page = calls.read(() -> standards.listStandards(ListStandardsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .setCode(nz(code))
                .setStatus(status(status))
                .build()));
        return new Page<>(
                page.getStandardsList().stream().map(StandardMapping::toView).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    private static StandardStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return StandardStatus.STANDARD_STATUS_UNSPECIFIED;
        }
        return switch (status) {
            case "DRAFT" -> StandardStatus.STANDARD_STATUS_DRAFT;
            case "PUBLISHED" -> StandardStatus.STANDARD_STATUS_PUBLISHED;
            case "RETIRED" -> StandardStatus.STANDARD_STATUS_RETIRED;
            default -> throw new InvalidRequestException("status", "must be DRAFT, PUBLISHED or RETIRED");
        };
    }

    @PATCH
    @Path("/{id: [^/:]+}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a draft",
            description = "Send only the fields to change; lists, ratingScale and criteria are replaced whole. "
                    + "A published version never changes (409). If-Match must carry the current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The changed draft",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        FieldMask.Builder mask = FieldMask.newBuilder();
        MergePatch patch = new MergePatch(body, json, CHANGEABLE, mask);
        Standard.Builder standard = Standard.newBuilder().setId(id).setEtag(ifMatch(ifMatch));
        if (patch.has("title")) {
            standard.setTitle(patch.text("title", false));
        }
        if (patch.has("description")) {
            standard.setDescription(patch.text("description", true));
        }
        if (patch.has("effectiveFrom")) {
            standard.setEffectiveFrom(patch.text("effectiveFrom", true));
        }
        if (patch.has("effectiveUntil")) {
            standard.setEffectiveUntil(patch.text("effectiveUntil", true));
        }
        if (patch.has("unitTypes")) {
            standard.addAllUnitTypes(StandardMapping.unitTypes(List.of(patch.value("unitTypes", UnitType[].class))));
        }
        if (patch.has("channels")) {
            standard.addAllChannels(StandardMapping.channels(List.of(patch.value("channels", ServiceChannel[].class))));
        }
        if (patch.has("ratingScale")) {
            RatingScale scale = patch.value("ratingScale", RatingScale.class);
            if (scale != null) {
                standard.setRatingScale(StandardMapping.ratingScale(scale));
            }
        }
        if (patch.has("serviceLevelTargets")) {
            standard.addAllServiceLevelTargets(StandardMapping.targets(
                    List.of(patch.value("serviceLevelTargets", StandardViews.ServiceLevelTarget[].class))));
        }
        if (patch.has("criteria")) {
            standard.addAllCriteria(StandardMapping.criteria(List.of(patch.value("criteria", Criterion[].class))));
        }
        return okWithEtag(calls.write(() -> standards.updateStandard(UpdateStandardRequest.newBuilder()
                .setStandard(standard)
                .setUpdateMask(mask)
                .build())));
    }

    @POST
    @Path("/{id: [^/:]+}:publish")
    @Operation(
            summary = "Publish a draft",
            description = "Validates the whole standard; 400 lists every problem and leaves the draft as it was. "
                    + "A published version never changes again.")
    @APIResponse(
            responseCode = "200",
            description = "The published version",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return okWithEtag(calls.write(() -> standards.publishStandard(PublishStandardRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .build())));
    }

    @POST
    @Path("/{id: [^/:]+}:retire")
    @Operation(summary = "Retire a published version", description = "It stays readable.")
    @APIResponse(
            responseCode = "200",
            description = "The retired version",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    public Response retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return okWithEtag(calls.write(() -> standards.retireStandard(RetireStandardRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .build())));
    }

    @POST
    @Path("/{id: [^/:]+}:newVersion")
    @Operation(
            summary = "Start the next version",
            description = "A draft copy of this published or retired version; 409 while a draft exists.")
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    public Response newVersion(
            @PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        return created(
                uri,
                calls.write(() -> standards.createStandardVersion(CreateStandardVersionRequest.newBuilder()
                        .setSourceId(id)
                        .setRequestId(nz(idempotencyKey))
                        .build())));
    }

    @GET
    @Path("/{id: [^/:]+}:export")
    @Operation(
            summary = "Export a version as a JSON document",
            description =
                    "Format sqm-standard/v1; import it into another installation with POST /api/v1/standards:import.")
    @APIResponse(responseCode = "200", description = "The document")
    public Response export(@PathParam("id") String id) {
        String document = calls.read(() -> standards.exportStandard(
                        ExportStandardRequest.newBuilder().setId(id).build()))
                .getDocument();
        return Response.ok(document, MediaType.APPLICATION_JSON).build();
    }

    private static Response okWithEtag(Standard s) {
        return Paging.okWithEtag(StandardMapping.toView(s), s.getEtag());
    }
}
