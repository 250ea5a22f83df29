package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
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
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.AccreditationViews.AccreditationDecisionView;
import org.sqm.gateway.rest.scoring.AccreditationViews.DecideBody;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc.AccreditationServiceBlockingStub;
import org.sqm.proto.scoring.v1.DecideAccreditationRequest;

/** Deciding a unit's accreditation from its latest finalized on-site assessment, served by scoring-service. */
@Path("/api/v1/units/{unitId: " + Segments.ID + "}/accreditationDecisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accreditation")
public class UnitAccreditationResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final AccreditationServiceBlockingStub accreditation;
    private final RemoteCalls calls;

    public UnitAccreditationResource(
            @GrpcClient("scoring") AccreditationServiceBlockingStub accreditation, RemoteCalls calls) {
        this.accreditation = accreditation;
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Decide a unit's accreditation",
            description = "From the unit's latest finalized on-site assessment against the rules' standard: "
                    + "ACCREDITED, ACCREDITED_WITH_ACTION_PLAN or NOT_ACCREDITED, with the reason per criterion "
                    + "and the elements behind it. With an action plan, each partial compliance is linked to the "
                    + "rectification order inspection-service created for it, and an order due after the limit "
                    + "(now plus the rules' actionPlanDueMonths) is brought forward to it. Deciding again on the "
                    + "same assessment under the same rules version answers the first decision (201 again, same "
                    + "id) and changes nothing.")
    @APIResponse(
            responseCode = "201",
            description = "The decision (Location: /api/v1/accreditationDecisions/{id})",
            content = @Content(schema = @Schema(implementation = AccreditationDecisionView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The unit has no finalized on-site assessment against the rules' standard "
                    + "(NO_FINALIZED_ON_SITE_ASSESSMENT), or a partial compliance has no rectification order "
                    + "(ACTION_PLAN_ORDER_MISSING); nothing is written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.AccreditationService/DecideAccreditation")
    public Response decide(@PathParam("unitId") String unitId, DecideBody body, UriInfo uri) {
        DecideBody b = RequestBodies.required(body);
        AccreditationDecision decision = calls.write(
                SERVICE,
                () -> accreditation.decideAccreditation(DecideAccreditationRequest.newBuilder()
                        .setUnitId(unitId)
                        .setRulesCode(nullToEmpty(b.rulesCode()))
                        .setRulesId(nullToEmpty(b.rulesId()))
                        .build()));
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/accreditationDecisions")
                        .path(decision.getId())
                        .build())
                .entity(AccreditationMapping.view(decision))
                .build();
    }
}
