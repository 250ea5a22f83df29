package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.flag;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.grpc.BackendCalls;
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
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "503",
        description = "standards-service is unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UnitResource {

    private static final String TYPE_PREFIX = "UNIT_TYPE_";
    private static final String STATE_PREFIX = "UNIT_STATE_";

    private static final Map<String, String> CHANGEABLE =
            MergePatch.fields("name", "name", "type", "type", "parentId", "parent_id", "calendarId", "calendar_id");

    private final UnitServiceBlockingStub units;
    private final BackendCalls calls;
    private final ObjectMapper json;

    public UnitResource(@GrpcClient("standards") UnitServiceBlockingStub units, BackendCalls calls, ObjectMapper json) {
        this.units = units;
        this.calls = calls;
        this.json = json;
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
    public Response create(
            UnitBody body,
            @Parameter(description = "A client-chosen key, at most 100 characters, that makes the create safe to retry")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        Unit.Builder unit = Unit.newBuilder()
                .setCode(nz(body.code()))
                .setName(nz(body.name()))
                .setParentId(nz(body.parentId()))
                .setCalendarId(nz(body.calendarId()));
        if (body.type() != null) {
            unit.setType(toProto(body.type()));
        }
        Unit created = calls.write(() -> units.createUnit(CreateUnitRequest.newBuilder()
                .setUnit(unit)
                .setRequestId(nz(idempotencyKey))
                .build()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.getId()).build())
                .tag(created.getEtag())
                .entity(toView(created))
                .build();
    }

    @GET
    @Path("/{id: [^/:]+}")
    @Operation(summary = "Read a unit", description = "The ETag header carries the etag to send as If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No unit has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        return okWithEtag(calls.read(
                () -> units.getUnit(GetUnitRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List units", description = "Units ordered by code, one page at a time.")
    public Page<UnitView> list(
            @Parameter(description = "Items per page: 1 to 1000, default 50; larger values are reduced to 1000")
                    @QueryParam("pageSize")
                    String pageSize,
            @Parameter(description = "The nextPageToken of the previous page") @QueryParam("pageToken")
                    String pageToken,
            @Parameter(description = "Only the direct children of this unit") @QueryParam("parentId") String parentId,
            @Parameter(description = "true to list inactive units too") @QueryParam("includeInactive")
                    String includeInactive) {
        ListUnitsResponse page = calls.read(() -> units.listUnits(ListUnitsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .setParentId(nz(parentId))
                .setShowInactive(flag("includeInactive", includeInactive))
                .build()));
        return new Page<>(
                page.getUnitsList().stream().map(UnitResource::toView).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    @PATCH
    @Path("/{id: [^/:]+}")
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
    public Response update(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode body) {
        FieldMask.Builder mask = FieldMask.newBuilder();
        MergePatch patch = new MergePatch(body, json, CHANGEABLE, mask);
        Unit.Builder unit = Unit.newBuilder().setId(id).setEtag(ifMatch(ifMatch));
        if (patch.has("name")) {
            unit.setName(patch.text("name", false));
        }
        if (patch.has("type")) {
            unit.setType(toProto(unitType(patch.text("type", false))));
        }
        if (patch.has("parentId")) {
            unit.setParentId(patch.text("parentId", true));
        }
        if (patch.has("calendarId")) {
            unit.setCalendarId(patch.text("calendarId", true));
        }
        return okWithEtag(calls.write(() -> units.updateUnit(
                UpdateUnitRequest.newBuilder().setUnit(unit).setUpdateMask(mask).build())));
    }

    @POST
    @Path("/{id: [^/:]+}:deactivate")
    @Operation(
            summary = "Deactivate a unit",
            description = "Units are never deleted. A unit with active children cannot be deactivated (409).")
    @APIResponse(
            responseCode = "200",
            description = "The deactivated unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response deactivate(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return okWithEtag(calls.write(() -> units.deactivateUnit(DeactivateUnitRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .build())));
    }

    @POST
    @Path("/{id: [^/:]+}:reactivate")
    @Operation(summary = "Reactivate a unit", description = "Its parent must be active (409 otherwise).")
    @APIResponse(
            responseCode = "200",
            description = "The reactivated unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    public Response reactivate(
            @PathParam("id") String id,
            @Parameter(description = "The etag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        return okWithEtag(calls.write(() -> units.reactivateUnit(ReactivateUnitRequest.newBuilder()
                .setId(id)
                .setEtag(ifMatch(ifMatch))
                .build())));
    }

    @GET
    @Path("/{id}/descendants")
    @Operation(summary = "List every unit below a unit", description = "At any depth, ordered by code.")
    public Page<UnitView> descendants(
            @PathParam("id") String id,
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken,
            @QueryParam("includeInactive") String includeInactive) {
        ListUnitDescendantsResponse page =
                calls.read(() -> units.listUnitDescendants(ListUnitDescendantsRequest.newBuilder()
                        .setId(id)
                        .setPageSize(pageSize(pageSize))
                        .setPageToken(pageToken(pageToken))
                        .setShowInactive(flag("includeInactive", includeInactive))
                        .build()));
        return new Page<>(
                page.getUnitsList().stream().map(UnitResource::toView).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    @GET
    @Path("/{id}/path")
    @Operation(summary = "The path from the root of the hierarchy down to a unit", description = "Root first.")
    public Page<UnitView> path(@PathParam("id") String id) {
        return new Page<>(
                calls
                        .read(() -> units.getUnitPath(
                                GetUnitPathRequest.newBuilder().setId(id).build()))
                        .getUnitsList()
                        .stream()
                        .map(UnitResource::toView)
                        .toList(),
                null);
    }

    private static UnitType unitType(String value) {
        try {
            return UnitType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("type", "must be one of the documented unit types");
        }
    }

    private static org.sqm.proto.standards.v1.UnitType toProto(UnitType type) {
        return org.sqm.proto.standards.v1.UnitType.valueOf(TYPE_PREFIX + type.name());
    }

    static UnitView toView(Unit unit) {
        return new UnitView(
                unit.getId(),
                unit.getCode(),
                unit.getName(),
                UnitType.valueOf(unit.getType().name().substring(TYPE_PREFIX.length())),
                unit.getParentId().isEmpty() ? null : unit.getParentId(),
                Times.toRest(unit.getCreateTime()),
                unit.getState().name().startsWith(STATE_PREFIX)
                        ? unit.getState().name().substring(STATE_PREFIX.length())
                        : null,
                unit.getEtag().isEmpty() ? null : unit.getEtag(),
                unit.hasUpdateTime() ? Times.toRest(unit.getUpdateTime()) : null,
                unit.getCalendarId().isEmpty() ? null : unit.getCalendarId());
    }

    private static Response okWithEtag(Unit unit) {
        return Paging.okWithEtag(toView(unit), unit.getEtag());
    }
}
