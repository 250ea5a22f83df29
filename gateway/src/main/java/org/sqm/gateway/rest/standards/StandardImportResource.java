package org.sqm.gateway.rest.standards;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.rest.standards.StandardViews.StandardView;
import org.sqm.proto.standards.v1.ImportStandardRequest;
import org.sqm.proto.standards.v1.StandardServiceGrpc.StandardServiceBlockingStub;

/** Import of standards shared between installations (a custom method on the collection). */
@Path("/api/v1/standards:import")
@Tag(name = "Standards")
public class StandardImportResource {

    private static final String SERVICE = "standards-service";

    private final StandardServiceBlockingStub standards;
    private final RemoteCalls calls;

    public StandardImportResource(@GrpcClient("standards") StandardServiceBlockingStub standards, RemoteCalls calls) {
        this.standards = standards;
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import a standard",
            description = "The body is a document as GET /api/v1/standards/{id}:export gives it. It becomes a draft: "
                    + "version 1 of a new code, or the next version of a known code without a draft. "
                    + "An invalid document stores nothing.")
    @APIResponse(
            responseCode = "201",
            description = "The imported draft",
            content = @Content(schema = @Schema(implementation = StandardView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.StandardService/ImportStandard")
    public Response importDocument(
            String document, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (document == null || document.isBlank()) {
            throw new InvalidRequestException("body", "is required: a standard document");
        }
        return StandardResource.created(
                uri,
                calls.write(
                        SERVICE,
                        () -> standards.importStandard(ImportStandardRequest.newBuilder()
                                .setDocument(document)
                                .setRequestId(nullToEmpty(idempotencyKey))
                                .build())));
    }
}
