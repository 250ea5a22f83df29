package org.sqm.gateway.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.grpc.BackendCalls;
import org.sqm.gateway.rest.InspectionViews.InspectorBody;
import org.sqm.gateway.rest.InspectionViews.InspectorView;
import org.sqm.proto.inspection.v1.CreateInspectorRequest;
import org.sqm.proto.inspection.v1.GetInspectorRequest;
import org.sqm.proto.inspection.v1.Inspector;
import org.sqm.proto.inspection.v1.InspectorServiceGrpc.InspectorServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectorsRequest;
import org.sqm.proto.inspection.v1.ListInspectorsResponse;

/** The register of certified inspectors, served by inspection-service. */
@Path("/api/v1/inspectors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspectors", description = "Certified inspectors and what they may inspect")
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description = "A certificate number or pseudonym in use, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InspectorResource {

    private final InspectorServiceBlockingStub inspectors;
    private final BackendCalls calls;

    public InspectorResource(@GrpcClient("inspection") InspectorServiceBlockingStub inspectors, BackendCalls calls) {
        this.inspectors = inspectors;
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an inspector", description = "Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = InspectorView.class)))
    public Response create(InspectorBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        Inspector.Builder i = Inspector.newBuilder()
                .setName(nz(body.name()))
                .setCertificateNumber(nz(body.certificateNumber()))
                .setAuthorityLevel(InspectionMapping.authority(body.authorityLevel()))
                .setPseudonym(nz(body.pseudonym()));
        if (body.validFrom() != null) {
            i.setValidFrom(Times.timestamp("validFrom", body.validFrom()));
        }
        if (body.validUntil() != null) {
            i.setValidUntil(Times.timestamp("validUntil", body.validUntil()));
        }
        if (body.qualifiedKinds() != null) {
            body.qualifiedKinds().forEach(k -> i.addQualifiedKinds(InspectionMapping.kind(k)));
        }
        Inspector created = calls.write(() -> inspectors.createInspector(CreateInspectorRequest.newBuilder()
                .setInspector(i)
                .setRequestId(nz(idempotencyKey))
                .build()));
        return Response.created(URI.create(uri.getBaseUri().getPath() + "api/v1/inspectors/" + created.getId()))
                .entity(InspectionMapping.inspector(created))
                .build();
    }

    @GET
    @Path("/{id: [^/:]+}")
    @Operation(summary = "Read an inspector")
    public InspectorView get(@PathParam("id") String id) {
        return InspectionMapping.inspector(calls.read(() -> inspectors.getInspector(
                GetInspectorRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List inspectors", description = "By certificate number.")
    public Page<InspectorView> list(
            @QueryParam("pageSize") String pageSize, @QueryParam("pageToken") String pageToken) {
        ListInspectorsResponse page = calls.read(() -> inspectors.listInspectors(ListInspectorsRequest.newBuilder()
                .setPageSize(pageSize(pageSize))
                .setPageToken(pageToken(pageToken))
                .build()));
        return new Page<>(
                page.getInspectorsList().stream()
                        .map(InspectionMapping::inspector)
                        .toList(),
                nextPageToken(page.getNextPageToken()));
    }
}
