package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Created;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectorBody;
import org.sqm.gateway.rest.inspections.InspectionViews.InspectorView;
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
        responseCode = "409",
        description = "A certificate number or pseudonym in use, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InspectorResource {

    private static final String SERVICE = "inspection-service";

    private final InspectorServiceBlockingStub inspectors;
    private final RemoteCalls calls;

    public InspectorResource(@GrpcClient("inspection") InspectorServiceBlockingStub inspectors, RemoteCalls calls) {
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
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectorService/CreateInspector")
    public Response create(InspectorBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        Inspector.Builder inspector = InspectionMapping.inspector(RequestBodies.required(body));
        Inspector created = calls.write(
                SERVICE,
                () -> inspectors.createInspector(CreateInspectorRequest.newBuilder()
                        .setInspector(inspector)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Created.at(uri, created.getId(), InspectionMapping.view(created));
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read an inspector")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectorService/GetInspector")
    public InspectorView get(@PathParam("id") String id) {
        return InspectionMapping.view(calls.read(
                SERVICE,
                () -> inspectors.getInspector(
                        GetInspectorRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List inspectors", description = "By certificate number.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectorService/ListInspectors")
    public Page<InspectorView> list(@BeanParam PageRequest page) {
        ListInspectorsResponse list = calls.read(
                SERVICE,
                () -> inspectors.listInspectors(ListInspectorsRequest.newBuilder()
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .build()));
        return Page.of(list.getInspectorsList(), InspectionMapping::view, list.getNextPageToken());
    }
}
