package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Etags;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.CertificationViews.CertificationView;
import org.sqm.gateway.rest.scoring.CertificationViews.ChangeBody;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc.CertificationServiceBlockingStub;
import org.sqm.proto.scoring.v1.CertificationStatus;
import org.sqm.proto.scoring.v1.GetCertificationRequest;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsResponse;
import org.sqm.proto.scoring.v1.ReinstateCertificationRequest;
import org.sqm.proto.scoring.v1.SuspendCertificationRequest;

/** Units' certifications and their cycle (granted by accreditation decisions), served by scoring-service. */
@Path("/api/v1/certifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Certifications",
        description = "The certification cycle: granted, reviewed and renewed by accreditation decisions, suspended "
                + "and lapsed by the certification watch or by hand, every change with its time, reason and actor")
@APIResponse(
        responseCode = "409",
        description = "A stale etag, or a change the certification's status does not allow (INVALID_TRANSITION)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CertificationResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final CertificationServiceBlockingStub certifications;
    private final RemoteCalls calls;
    private final ObjectMapper json;

    public CertificationResource(
            @GrpcClient("scoring") CertificationServiceBlockingStub certifications,
            RemoteCalls calls,
            ObjectMapper json) {
        this.certifications = certifications;
        this.calls = calls;
        this.json = json;
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(
            summary = "Read a certification with its history",
            description = "Every change oldest first, with its time, reason and actor. The ETag header carries the "
                    + "etag for a suspension or a reinstatement.")
    @APIResponse(
            responseCode = "200",
            description = "The certification",
            content = @Content(schema = @Schema(implementation = CertificationView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.CertificationService/GetCertification")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> certifications.getCertification(
                        GetCertificationRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List certifications", description = "By unit, then rules code; without their history.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.CertificationService/ListCertifications")
    public Page<CertificationView> list(
            @BeanParam PageRequest page,
            @Parameter(description = "Only the certifications of this unit") @QueryParam("unitId") String unitId,
            @Parameter(description = "ACTIVE, SUSPENDED or LAPSED") @QueryParam("status") String status) {
        ListCertificationsRequest request = ListCertificationsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setStatus(QueryParams.protoEnum("status", status, CertificationStatus.class))
                .build();
        ListCertificationsResponse list = calls.read(SERVICE, () -> certifications.listCertifications(request));
        return Page.of(list.getCertificationsList(), CertificationMapping::listed, list.getNextPageToken());
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Suspend or reinstate a certification by hand",
            description = "verb is suspend (ACTIVE -> SUSPENDED) or reinstate (SUSPENDED -> ACTIVE, only within its "
                    + "validity). Body: reason (required) and etag (or the etag in If-Match).")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChangeBody.class)))
    @APIResponse(
            responseCode = "200",
            description = "The certification after the change, with its history",
            content = @Content(schema = @Schema(implementation = CertificationView.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "suspend": "sqm.scoring.v1.CertificationService/SuspendCertification",
                    "reinstate": "sqm.scoring.v1.CertificationService/ReinstateCertification"
                }""")
    public Response change(
            @PathParam("id") String id,
            @Parameter(description = "suspend or reinstate") @PathParam("verb") String verb,
            @Parameter(description = "The etag of your last read, unless the body has it")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            String body) {
        if (!verb.equals("suspend") && !verb.equals("reinstate")) {
            throw new NotFoundException();
        }
        ChangeBody change = RequestBodies.optional(json, body, ChangeBody.class, new ChangeBody(null, null));
        String etag = change.etag() != null ? change.etag() : Etags.fromIfMatch(ifMatch);
        Certification changed = verb.equals("suspend")
                ? calls.write(
                        SERVICE,
                        () -> certifications.suspendCertification(SuspendCertificationRequest.newBuilder()
                                .setId(id)
                                .setEtag(etag)
                                .setReason(nullToEmpty(change.reason()))
                                .build()))
                : calls.write(
                        SERVICE,
                        () -> certifications.reinstateCertification(ReinstateCertificationRequest.newBuilder()
                                .setId(id)
                                .setEtag(etag)
                                .setReason(nullToEmpty(change.reason()))
                                .build()));
        return answer(changed);
    }

    private static Response answer(Certification c) {
        return Etags.ok(CertificationMapping.view(c), c.getEtag());
    }
}
