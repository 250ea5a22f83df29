package org.sqm.gateway.rest.scoring;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Created;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationDecisionView;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationRulesBody;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationRulesView;
import org.sqm.proto.scoring.v1.AccreditationRules;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc.AccreditationServiceBlockingStub;
import org.sqm.proto.scoring.v1.CreateAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.GetAccreditationDecisionRequest;
import org.sqm.proto.scoring.v1.GetAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsResponse;
import org.sqm.proto.scoring.v1.ListAccreditationRulesRequest;
import org.sqm.proto.scoring.v1.ListAccreditationRulesResponse;

/** Accreditation rules (versions per code) and the decisions made under them, served by scoring-service. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accreditation", description = "Rules as data, and decisions from on-site assessments")
public class AccreditationResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final AccreditationServiceBlockingStub accreditation;
    private final RemoteCalls calls;

    public AccreditationResource(
            @GrpcClient("scoring") AccreditationServiceBlockingStub accreditation, RemoteCalls calls) {
        this.accreditation = accreditation;
        this.calls = calls;
    }

    @POST
    @Path("/accreditationRules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create accreditation rules",
            description = "Version 1 of a new code, or the next version of an existing code (a version never "
                    + "changes; decisions name the version they used). 400 names every invalid field, including "
                    + "rules that contradict each other (a level code in two lists, maxPartialsPerCriterion above "
                    + "maxPartialsTotal, reviewIntervalMonths not shorter than validityMonths, actionPlanDueMonths "
                    + "not shorter than reviewIntervalMonths) and level codes the rating scale of the standard's "
                    + "latest version lacks. Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "The new version",
            content = @Content(schema = @Schema(implementation = AccreditationRulesView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A reused Idempotency-Key, or a racing version of the same code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.AccreditationService/CreateAccreditationRules")
    public Response createRules(
            AccreditationRulesBody body,
            @Parameter(description = "A client-chosen key, at most 100 characters, that makes the create safe to retry")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            UriInfo uri) {
        AccreditationRules.Builder rules = AccreditationMapping.rules(RequestBodies.required(body));
        AccreditationRules created = calls.write(
                SERVICE,
                () -> accreditation.createAccreditationRules(CreateAccreditationRulesRequest.newBuilder()
                        .setRules(rules)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Created.at(uri, created.getId(), AccreditationMapping.view(created));
    }

    @GET
    @Path("/accreditationRules/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a version of accreditation rules")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.AccreditationService/GetAccreditationRules")
    public AccreditationRulesView rules(@PathParam("id") String id) {
        return AccreditationMapping.view(calls.read(
                SERVICE,
                () -> accreditation.getAccreditationRules(
                        GetAccreditationRulesRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/accreditationRules")
    @Operation(summary = "List versions of accreditation rules", description = "By code, then version.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.AccreditationService/ListAccreditationRules")
    public Page<AccreditationRulesView> rulesList(
            @BeanParam PageRequest page,
            @Parameter(description = "Only the versions of this code") @QueryParam("code") String code) {
        ListAccreditationRulesResponse list = calls.read(
                SERVICE,
                () -> accreditation.listAccreditationRules(ListAccreditationRulesRequest.newBuilder()
                        .setCode(nullToEmpty(code))
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .build()));
        return Page.of(list.getRulesList(), AccreditationMapping::view, list.getNextPageToken());
    }

    @GET
    @Path("/accreditationDecisions/{id: " + Segments.ID + "}")
    @Operation(summary = "Read an accreditation decision")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.AccreditationService/GetAccreditationDecision")
    public AccreditationDecisionView decision(@PathParam("id") String id) {
        return AccreditationMapping.view(calls.read(
                SERVICE,
                () -> accreditation.getAccreditationDecision(
                        GetAccreditationDecisionRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/accreditationDecisions")
    @Operation(summary = "List accreditation decisions", description = "Newest first.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.AccreditationService/ListAccreditationDecisions")
    public Page<AccreditationDecisionView> decisions(
            @BeanParam PageRequest page,
            @Parameter(description = "Only decisions on this unit") @QueryParam("unitId") String unitId,
            @Parameter(description = "Only decisions under rules of this code") @QueryParam("rulesCode")
                    String rulesCode) {
        ListAccreditationDecisionsResponse list = calls.read(
                SERVICE,
                () -> accreditation.listAccreditationDecisions(ListAccreditationDecisionsRequest.newBuilder()
                        .setUnitId(nullToEmpty(unitId))
                        .setRulesCode(nullToEmpty(rulesCode))
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .build()));
        return Page.of(list.getDecisionsList(), AccreditationMapping::view, list.getNextPageToken());
    }
}
