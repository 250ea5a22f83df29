package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.longrunning.Operation;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.scoring.ScorecardViews.OperationView;
import org.sqm.gateway.rest.scoring.ScorecardViews.RecomputeBody;
import org.sqm.proto.scoring.v1.RecomputeScorecardsRequest;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc.ScorecardServiceBlockingStub;

/** Recomputing every scorecard of a period (a custom method on the scorecards), as a long-running operation. */
@Path("/api/v1/scorecards:recompute")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class RecomputeResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final ScorecardServiceBlockingStub scorecards;
    private final RemoteCalls calls;
    private final ObjectMapper json;

    public RecomputeResource(
            @GrpcClient("scoring") ScorecardServiceBlockingStub scorecards, RemoteCalls calls, ObjectMapper json) {
        this.scorecards = scorecards;
        this.calls = calls;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(
            summary = "Recompute a period's scorecards",
            description = "Starts recomputing every scorecard of an ended period (2026-03; 2026-Q1 recomputes its "
                    + "months first, 2026 its quarters and months) and answers at once with the operation; follow "
                    + "it at the Location (GET, or POST …:wait). The new scorecards become visible together when it "
                    + "completes; a failed or cancelled run leaves the previous ones. While a recompute of the same "
                    + "period runs, this joins it and answers that operation. 400 names period for a malformed "
                    + "period, one in the future (PERIOD_IN_FUTURE) or one not ended (PERIOD_NOT_CLOSED).")
    @APIResponse(
            responseCode = "202",
            description = "The operation, running; Location: /api/v1/operations/{id}",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @APIResponse(
            responseCode = "409",
            description = "No scoring model is published (NO_PUBLISHED_MODEL)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScorecardService/RecomputeScorecards")
    public Response recompute(RecomputeBody body, UriInfo uri) {
        RecomputeScorecardsRequest request = RecomputeScorecardsRequest.newBuilder()
                .setPeriod(
                        Periods.required("period", RequestBodies.required(body).period()))
                .build();
        Operation operation = calls.write(SERVICE, () -> scorecards.recomputeScorecards(request));
        return Response.accepted(ScorecardMapping.view(operation, json))
                .location(URI.create(
                        uri.getBaseUri().getPath() + "api/v1/operations/" + ScorecardMapping.operationId(operation)))
                .build();
    }
}
