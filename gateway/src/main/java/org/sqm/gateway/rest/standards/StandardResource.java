package org.sqm.gateway.rest.standards;

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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Etags;
import org.sqm.gateway.rest.http.MergePatch;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.standards.StandardViews.Criterion;
import org.sqm.gateway.rest.standards.StandardViews.RatingScale;
import org.sqm.gateway.rest.standards.StandardViews.ServiceChannel;
import org.sqm.gateway.rest.standards.StandardViews.ServiceLevelTarget;
import org.sqm.gateway.rest.standards.StandardViews.StandardBody;
import org.sqm.gateway.rest.standards.StandardViews.StandardView;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
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

    private static final String SERVICE = "standards-service";

    private static final MergePatch<Standard.Builder> PATCH = new MergePatch<Standard.Builder>()
            .text("title", Standard.Builder::setTitle)
            .textOrNull("description", Standard.Builder::setDescription)
            .textOrNull("effectiveFrom", Standard.Builder::setEffectiveFrom)
            .textOrNull("effectiveUntil", Standard.Builder::setEffectiveUntil)
            .list(
                    "unitTypes",
                    UnitType.class,
                    (standard, types) -> standard.addAllUnitTypes(StandardMapping.unitTypes(types)))
            .list(
                    "channels",
                    ServiceChannel.class,
                    (standard, channels) -> standard.addAllChannels(StandardMapping.channels(channels)))
            .value("ratingScale", RatingScale.class, (standard, scale) -> {
                if (scale != null) {
                    standard.setRatingScale(StandardMapping.ratingScale(scale));
                }
            })
            .list(
                    "criteria",
                    Criterion.class,
                    (standard, criteria) -> standard.addAllCriteria(StandardMapping.criteria(criteria)))
            .list(
                    "serviceLevelTargets",
                    ServiceLevelTarget.class,
                    (standard, targets) -> standard.addAllServiceLevelTargets(StandardMapping.targets(targets)));

    private final StandardServiceBlockingStub standards;
    private final RemoteCalls calls;
    private final ObjectMapper json;
    private final StateChanges<Standard> stateChanges;

    public StandardResource(
            @GrpcClient("standards") StandardServiceBlockingStub standards, RemoteCalls calls, ObjectMapper json) {
        this.standards = standards;
        this.calls = calls;
        this.json = json;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, StandardResource::answer)
                .verb("publish", PublishStandardRequest.getDefaultInstance(), standards::publishStandard)
                .verb("retire", RetireStandardRequest.getDefaultInstance(), standards::retireStandard);
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
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.StandardService/CreateStandard")
    public Response create(StandardBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        Standard.Builder standard = StandardMapping.standard(RequestBodies.required(body));
        return created(
                uri,
                calls.write(
                        SERVICE,
                        () -> standards.createStandard(CreateStandardRequest.newBuilder()
                                .setStandard(standard)
                                .setRequestId(nullToEmpty(idempotencyKey))
                                .build())));
    }

    /** 201 for a new version, wherever it was made (a create, :newVersion, the import). */
    static Response created(UriInfo uri, Standard s) {
        return Etags.created(
                URI.create(uri.getBaseUri().getPath() + "api/v1/standards/" + s.getId()),
                StandardMapping.view(s),
                s.getEtag());
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a version of a standard", description = "With its whole tree.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.StandardService/GetStandard")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> standards.getStandard(
                        GetStandardRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List standards", description = "By code then version; without their trees.")
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.StandardService/ListStandards")
    public Page<StandardView> list(
            @BeanParam PageRequest page,
            @Parameter(description = "Only the versions of this standard") @QueryParam("code") String code,
            @Parameter(description = "DRAFT, PUBLISHED or RETIRED") @QueryParam("status") String status) {
        ListStandardsRequest request = ListStandardsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setCode(nullToEmpty(code))
                .setStatus(QueryParams.protoEnum("status", status, StandardStatus.class))
                .build();
        ListStandardsResponse list = calls.read(SERVICE, () -> standards.listStandards(request));
        return Page.of(list.getStandardsList(), StandardMapping::view, list.getNextPageToken());
    }

    @PATCH
    @Path("/{id: " + Segments.ID + "}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a draft",
            description = "Send only the fields to change; lists, ratingScale and criteria are replaced whole. "
                    + "A published version never changes (409). If-Match must carry the current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The changed draft",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.StandardService/UpdateStandard")
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        UpdateStandardRequest request =
                PATCH.request(UpdateStandardRequest.getDefaultInstance(), id, ifMatch, body, json);
        return answer(calls.write(SERVICE, () -> standards.updateStandard(request)));
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Publish a draft or retire a published version",
            description = "verb is publish (validates the whole standard; 400 lists every problem and leaves the "
                    + "draft as it was; a published version never changes again) or retire (it stays readable). "
                    + "If-Match must carry the current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The version after the change",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "publish": "sqm.standards.v1.StandardService/PublishStandard",
                    "retire": "sqm.standards.v1.StandardService/RetireStandard"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:newVersion")
    @Operation(
            summary = "Start the next version",
            description = "A draft copy of this published or retired version; 409 while a draft exists.")
    @APIResponse(
            responseCode = "201",
            description = "The new draft",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.StandardService/CreateStandardVersion")
    public Response newVersion(
            @PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        return created(
                uri,
                calls.write(
                        SERVICE,
                        () -> standards.createStandardVersion(CreateStandardVersionRequest.newBuilder()
                                .setSourceId(id)
                                .setRequestId(nullToEmpty(idempotencyKey))
                                .build())));
    }

    @GET
    @Path("/{id: " + Segments.ID + "}:export")
    @Operation(
            summary = "Export a version as a JSON document",
            description =
                    "Format sqm-standard/v1; import it into another installation with POST /api/v1/standards:import.")
    @APIResponse(responseCode = "200", description = "The document")
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.StandardService/ExportStandard")
    public Response export(@PathParam("id") String id) {
        String document = calls.read(
                        SERVICE,
                        () -> standards.exportStandard(
                                ExportStandardRequest.newBuilder().setId(id).build()))
                .getDocument();
        return Response.ok(document, MediaType.APPLICATION_JSON).build();
    }

    private static Response answer(Standard s) {
        return Etags.ok(StandardMapping.view(s), s.getEtag());
    }
}
