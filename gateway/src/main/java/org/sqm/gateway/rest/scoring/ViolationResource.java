package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.sqm.gateway.rest.http.StateChange;
import org.sqm.gateway.rest.http.StateChanges;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.scoring.ScoringViews.ViolationBody;
import org.sqm.gateway.rest.scoring.ScoringViews.ViolationView;
import org.sqm.gateway.rest.scoring.ScoringViews.WithdrawBody;
import org.sqm.proto.scoring.v1.CreateViolationRequest;
import org.sqm.proto.scoring.v1.GetViolationRequest;
import org.sqm.proto.scoring.v1.ListViolationsRequest;
import org.sqm.proto.scoring.v1.ListViolationsResponse;
import org.sqm.proto.scoring.v1.Violation;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc.ViolationServiceBlockingStub;
import org.sqm.proto.scoring.v1.WithdrawViolationRequest;

/** The ledger of violations that cost units points, served by scoring-service: append-only, withdrawn never deleted. */
@Path("/api/v1/violations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Violations", description = "The append-only ledger of violations under the deduction rules")
@APIResponse(
        responseCode = "409",
        description = "A reused Idempotency-Key, a stale etag, or a violation withdrawn already",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ViolationResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final ViolationServiceBlockingStub violations;
    private final RemoteCalls calls;
    private final StateChanges<Violation> stateChanges;

    public ViolationResource(
            @GrpcClient("scoring") ViolationServiceBlockingStub violations, RemoteCalls calls, ObjectMapper json) {
        this.violations = violations;
        this.calls = calls;
        this.stateChanges = new StateChanges<>(calls, SERVICE, json, ViolationResource::answer)
                .verb("withdraw", WithdrawViolationRequest.getDefaultInstance(), violations::withdrawViolation);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a violation",
            description = "Under a deduction rule (ruleCode), with its evidence and who reported it. The "
                    + "Idempotency-Key is required: a retry never costs the unit twice.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ViolationView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ViolationService/CreateViolation")
    public Response create(
            ViolationBody body,
            @Parameter(description = "Required: makes a retry safe", required = true) @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            UriInfo uri) {
        Violation.Builder violation = ScoringMapping.violation(RequestBodies.required(body));
        Violation created = calls.write(
                SERVICE,
                () -> violations.createViolation(CreateViolationRequest.newBuilder()
                        .setViolation(violation)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Etags.created(
                uri.getAbsolutePathBuilder().path(created.getId()).build(),
                ScoringMapping.view(created),
                created.getEtag());
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a violation", description = "With its withdrawal, if any.")
    @APIResponse(
            responseCode = "200",
            description = "The violation",
            content = @Content(schema = @Schema(implementation = ViolationView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ViolationService/GetViolation")
    public Response get(@PathParam("id") String id) {
        return answer(calls.read(
                SERVICE,
                () -> violations.getViolation(
                        GetViolationRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(
            summary = "List violations",
            description =
                    "By the time they occurred, in [from, to) when given; includeWithdrawn=true adds withdrawn ones.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ViolationService/ListViolations")
    public Page<ViolationView> list(
            @BeanParam PageRequest page,
            @QueryParam("unitId") String unitId,
            @Parameter(description = "RFC 3339") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339, exclusive") @QueryParam("to") String to,
            @QueryParam("includeWithdrawn") String includeWithdrawn) {
        ListViolationsRequest.Builder request = ListViolationsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setShowWithdrawn(QueryParams.flag("includeWithdrawn", includeWithdrawn));
        Times.ifPresent("from", from, request::setPeriodStart);
        Times.ifPresent("to", to, request::setPeriodEnd);
        ListViolationsResponse list = calls.read(SERVICE, () -> violations.listViolations(request.build()));
        return Page.of(list.getViolationsList(), ScoringMapping::view, list.getNextPageToken());
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:{verb}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Withdraw a violation",
            description = "verb is withdraw (body: reason), when an appeal is upheld: the withdrawal is added, the "
                    + "violation stays in the ledger and costs nothing. If-Match must carry the current etag.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WithdrawBody.class)))
    @APIResponse(
            responseCode = "200",
            description = "The violation, withdrawn",
            content = @Content(schema = @Schema(implementation = ViolationView.class)))
    @Extension(
            name = "x-sqm-rpc",
            parseValue = true,
            value =
                    """
                {
                    "withdraw": "sqm.scoring.v1.ViolationService/WithdrawViolation"
                }""")
    public Response change(@BeanParam StateChange change, String body) {
        return stateChanges.apply(change, body);
    }

    private static Response answer(Violation v) {
        return Etags.ok(ScoringMapping.view(v), v.getEtag());
    }
}
