package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.nextPageToken;
import static org.sqm.gateway.rest.Paging.pageSize;
import static org.sqm.gateway.rest.Paging.pageToken;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcClient;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.grpc.BackendCalls;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc.UnitServiceBlockingStub;

/** Organisation units, served by standards-service. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The organisation units that deliver service")
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

    private final UnitServiceBlockingStub units;
    private final BackendCalls calls;

    public UnitResource(@GrpcClient("standards") UnitServiceBlockingStub units, BackendCalls calls) {
        this.units = units;
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a unit",
            description = "Send an Idempotency-Key to make retries safe: "
                    + "a retry with the same key returns the unit the first call created.")
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
                .setCode(nullToEmpty(body.code()))
                .setName(nullToEmpty(body.name()))
                .setParentId(nullToEmpty(body.parentId()));
        if (body.type() != null) {
            unit.setType(org.sqm.proto.standards.v1.UnitType.valueOf(
                    TYPE_PREFIX + body.type().name()));
        }
        Unit created = calls.write(() -> units.createUnit(CreateUnitRequest.newBuilder()
                .setUnit(unit)
                .setRequestId(nullToEmpty(idempotencyKey))
                .build()));
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.getId()).build())
                .entity(toView(created))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a unit")
    @APIResponse(
            responseCode = "200",
            description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No unit has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitView get(@PathParam("id") String id) {
        return toView(calls.read(
                () -> units.getUnit(GetUnitRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List units", description = "Units ordered by code, one page at a time.")
    public Page<UnitView> list(
            @Parameter(description = "Items per page: 1 to 1000, default 50; larger values are reduced to 1000")
                    @QueryParam("pageSize")
                    String pageSize,
            @Parameter(description = "The nextPageToken of the previous page") @QueryParam("pageToken")
                    String pageToken) {
        ListUnitsResponse page = calls.read(() -> units.listUnits(ListUnitsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .build()));
        return new Page<>(
                page.getUnitsList().stream().map(UnitResource::toView).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    static UnitView toView(Unit unit) {
        return new UnitView(
                unit.getId(),
                unit.getCode(),
                unit.getName(),
                UnitType.valueOf(unit.getType().name().substring(TYPE_PREFIX.length())),
                unit.getParentId().isEmpty() ? null : unit.getParentId(),
                instant(unit.getCreateTime()).toString());
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
