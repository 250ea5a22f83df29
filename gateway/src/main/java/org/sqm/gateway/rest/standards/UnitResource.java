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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.standards.UnitViews.UnitBody;
import org.sqm.gateway.rest.standards.UnitViews.UnitType;
import org.sqm.gateway.rest.standards.UnitViews.UnitView;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.DeactivateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitPathRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.ReactivateUnitRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;
import org.sqm.proto.standards.v1.UpdateUnitRequest;

/** Organisation units and their hierarchy, served by standards-service. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The organisation units that deliver service, and their hierarchy")
public class UnitResource {

    private static final String SERVICE = "standards-service";

    private static final MergePatch<Unit.Builder> PATCH = new MergePatch<Unit.Builder>()
            .text("name", Unit.Builder::setName)
            .value("type", UnitType.class, (unit, type) -> unit.setType(UnitMapping.type(type)))
            .textOrNull("parentId", Unit.Builder::setParentId)
            .textOrNull("calendarId", Unit.Builder::setCalendarId);

    private final UnitServiceBlockingStub units;
    private final RemoteCalls calls;
    private final ObjectMapper json;
    private final StateChanges<Unit> stateChanges;

    public UnitResource(@GrpcClient("standards") UnitServiceBlockingStub units, RemoteCalls calls, ObjectMapper json) {
        this.units = units;
        this.calls = calls;
        this.json = json;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, UnitResource::answer)
                .verb("deactivate", DeactivateUnitRequest.getDefaultInstance(), units::deactivateUnit)
                .verb("reactivate", ReactivateUnitRequest.getDefaultInstance(), units::reactivateUnit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a unit",
            description = "Send an Idempotency-Key to make retries safe: "
                    + "a retry with the same key returns the unit the first call created.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "service hall",
                                            value =
                                                    "{\"code\":\"HALL-SZ-001\",\"name\":\"Futian service hall\",\"type\":\"SERVICE_HALL\",\"parentId\":\"0b9d3c36-7f4e-4d8e-9a51-3f8f7f1f2c11\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Another unit has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.UnitService/CreateUnit")
    public Response create(
            UnitBody body,
            @Parameter(description = "A client-chosen key, at most 100 characters, that makes the create safe to retry")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            UriInfo uri) {
        Unit.Builder unit = UnitMapping.unit(RequestBodies.required(body));
        Unit created = calls.write(
                SERVICE,
                () -> units.createUnit(CreateUnitRequest.newBuilder()
                        .setUnit(unit)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Etags.created(
                uri.getAbsolutePathBuilder().path(created.getId()).build(),
                UnitMapping.view(created),
                created.getEtag());
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a unit", description = "The ETag header carries the etag to send as If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No unit has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.UnitService/GetUnit")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> units.getUnit(GetUnitRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List units", description = "Units ordered by code, one page at a time.")
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.UnitService/ListUnits")
    public Page<UnitView> list(
            @BeanParam PageRequest page,
            @Parameter(description = "Only the direct children of this unit") @QueryParam("parentId") String parentId,
            @Parameter(description = "true to list inactive units too") @QueryParam("includeInactive")
                    String includeInactive) {
        ListUnitsResponse units = calls.read(
                SERVICE,
                () -> this.units.listUnits(ListUnitsRequest.newBuilder()
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .setParentId(nullToEmpty(parentId))
                        .setShowInactive(QueryParams.flag("includeInactive", includeInactive))
                        .build()));
        return Page.of(units.getUnitsList(), UnitMapping::view, units.getNextPageToken());
    }

    @PATCH
    @Path("/{id: " + Segments.ID + "}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a unit's name, type, parent or calendar",
            description = "Send only the fields to change (JSON merge patch); \"parentId\": null makes the "
                    + "unit a root. Re-parenting moves the whole subtree and may not create a cycle. "
                    + "If-Match must carry the unit's current etag.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "move",
                                            value = "{\"parentId\":\"3c0e2d6a-1d8b-4d71-9f1e-5a7d2e9b0c44\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The changed unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The etag is stale: someone changed the unit since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.UnitService/UpdateUnit")
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        UpdateUnitRequest request = PATCH.request(UpdateUnitRequest.getDefaultInstance(), id, ifMatch, body, json);
        return answer(calls.write(SERVICE, () -> units.updateUnit(request)));
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Deactivate or reactivate a unit",
            description = "verb is deactivate (units are never deleted; a unit with active children cannot be "
                    + "deactivated, 409) or reactivate (its parent must be active, 409 otherwise). "
                    + "If-Match must carry the unit's current etag.")
    @APIResponse(
            responseCode = "200",
            description = "The unit after the change",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "deactivate": "sqm.standards.v1.UnitService/DeactivateUnit",
                    "reactivate": "sqm.standards.v1.UnitService/ReactivateUnit"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    @GET
    @Path("/{id}/descendants")
    @Operation(summary = "List every unit below a unit", description = "At any depth, ordered by code.")
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.UnitService/ListUnitDescendants")
    public Page<UnitView> descendants(
            @PathParam("id") String id,
            @BeanParam PageRequest page,
            @QueryParam("includeInactive") String includeInactive) {
        ListUnitDescendantsResponse units = calls.read(
                SERVICE,
                () -> this.units.listUnitDescendants(ListUnitDescendantsRequest.newBuilder()
                        .setId(id)
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .setShowInactive(QueryParams.flag("includeInactive", includeInactive))
                        .build()));
        return Page.of(units.getUnitsList(), UnitMapping::view, units.getNextPageToken());
    }

    @GET
    @Path("/{id}/path")
    @Operation(summary = "The path from the root of the hierarchy down to a unit", description = "Root first.")
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.UnitService/GetUnitPath")
    public Page<UnitView> path(@PathParam("id") String id) {
        var path = calls.read(
                SERVICE,
                () -> units.getUnitPath(
                        GetUnitPathRequest.newBuilder().setId(id).build()));
        return Page.of(path.getUnitsList(), UnitMapping::view, "");
    }

    private static Response answer(Unit unit) {
        return Etags.ok(UnitMapping.view(unit), unit.getEtag());
    }
}
