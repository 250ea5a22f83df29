package org.sqm.gateway.rest.scoring;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.ScorecardViews.ScorecardView;
import org.sqm.gateway.rest.scoring.ScorecardViews.TrendView;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.GetScorecardRequest;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc.ScorecardServiceBlockingStub;

/** One unit's scorecards: a period's with its full explanation, and its trend; served by scoring-service. */
@Path("/api/v1/units/{unitId: " + Segments.ID + "}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards")
public class UnitScorecardResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final ScorecardServiceBlockingStub scorecards;
    private final RemoteCalls calls;

    public UnitScorecardResource(@GrpcClient("scoring") ScorecardServiceBlockingStub scorecards, RemoteCalls calls) {
        this.scorecards = scorecards;
        this.calls = calls;
    }

    @GET
    @Path("/scorecards/{period}")
    @Operation(
            summary = "A unit's scorecard for a period",
            description = "The current one, explained point by point: each component with its inputs by id (the "
                    + "inspections, survey and measurement batches, complaint statistics), raw and mapped value, "
                    + "weight and contribution; each deduction with its violation; a roll-up's children; a quarter's "
                    + "months or a year's quarters; the grade, the inputs' fingerprint and the explanation (canonical "
                    + "JSON: the same inputs give the same text). 404 when the period has no scorecard for the unit.")
    @APIResponse(
            responseCode = "200",
            description = "The scorecard",
            content = @Content(schema = @Schema(implementation = ScorecardView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScorecardService/GetScorecard")
    public ScorecardView scorecard(
            @PathParam("unitId") String unitId,
            @Parameter(description = "2026-03, 2026-Q1 or 2026") @PathParam("period") String period) {
        GetScorecardRequest request = GetScorecardRequest.newBuilder()
                .setUnitId(unitId)
                .setPeriod(Periods.required("period", period))
                .build();
        return ScorecardMapping.view(calls.read(SERVICE, () -> scorecards.getScorecard(request)));
    }

    @GET
    @Path("/scoreTrend")
    @Operation(
            summary = "A unit's score trend",
            description = "Its scores over the last count periods of the kind of period (months, quarters or "
                    + "years), oldest first, up to and including period, each with the unit's satisfaction index "
                    + "for it when it has survey responses; a period without a scorecard is listed without a "
                    + "score. With includeLatestScorecard=true, also latestScorecard: the latest scored period's "
                    + "scorecard with its explanation (absent when no period of the trend has one).")
    @APIResponse(
            responseCode = "200",
            description = "The trend",
            content = @Content(schema = @Schema(implementation = TrendView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScorecardService/GetScoreTrend")
    public TrendView trend(
            @PathParam("unitId") String unitId,
            @Parameter(description = "The last period: 2026-06, 2026-Q2 or 2026", required = true) @QueryParam("period")
                    String period,
            @Parameter(description = "How many periods, 1 to 60; absent: 12") @QueryParam("count") String count,
            @Parameter(
                            description = "true: also latestScorecard, the full scorecard of the trend's latest period"
                                    + " that has one (as GET /api/v1/units/{unitId}/scorecards/{period} gives it), so"
                                    + " a screen showing both needs one call")
                    @QueryParam("includeLatestScorecard")
                    String includeLatestScorecard) {
        Integer periods = QueryParams.wholeNumber("count", count, 1);
        GetScoreTrendRequest request = GetScoreTrendRequest.newBuilder()
                .setUnitId(unitId)
                .setPeriod(Periods.required("period", period))
                .setCount(periods == null ? 0 : periods)
                .setIncludeLatestScorecard(QueryParams.flag("includeLatestScorecard", includeLatestScorecard))
                .build();
        return ScorecardMapping.view(calls.read(SERVICE, () -> scorecards.getScoreTrend(request)));
    }
}
