package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.scoring.ScorecardViews.ScorecardView;
import org.sqm.proto.scoring.v1.ListScorecardsRequest;
import org.sqm.proto.scoring.v1.ListScorecardsResponse;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc.ScorecardServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;

/** The current scorecards of a period, every unit's, served by scoring-service. */
@Path("/api/v1/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scorecards", description = "Scores that explain every point; recompute of a period as an operation")
public class ScorecardResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final ScorecardServiceBlockingStub scorecards;
    private final RemoteCalls calls;

    public ScorecardResource(@GrpcClient("scoring") ScorecardServiceBlockingStub scorecards, RemoteCalls calls) {
        this.scorecards = scorecards;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "List a period's scorecards",
            description = "The current scorecards of the period by unit code, each with its full explanation; "
                    + "filtered by unit type, by level (depth in the hierarchy, 0 at the top) and by parent unit.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ScorecardService/ListScorecards")
    public Page<ScorecardView> list(
            @BeanParam PageRequest page,
            @Parameter(description = "2026-03, 2026-Q1 or 2026", required = true) @QueryParam("period") String period,
            @Parameter(description = "e.g. SERVICE_HALL") @QueryParam("unitType") String unitType,
            @Parameter(description = "0 for the top; absent for every level") @QueryParam("level") String level,
            @Parameter(description = "Only the direct children of this unit") @QueryParam("parentUnitId")
                    String parentUnitId) {
        ListScorecardsRequest.Builder request = ListScorecardsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setPeriod(Periods.required("period", period))
                .setUnitType(QueryParams.protoEnum("unitType", unitType, UnitType.class))
                .setParentUnitId(nullToEmpty(parentUnitId));
        Integer depth = QueryParams.wholeNumber("level", level, 0);
        if (depth != null) {
            request.setLevel(depth);
        }
        ListScorecardsResponse list = calls.read(SERVICE, () -> scorecards.listScorecards(request.build()));
        return Page.of(list.getScorecardsList(), ScorecardMapping::view, list.getNextPageToken());
    }
}
