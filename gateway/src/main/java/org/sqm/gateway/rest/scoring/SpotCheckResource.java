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
import org.sqm.gateway.rest.scoring.SpotCheckViews.TriggeredSpotCheckView;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksRequest;
import org.sqm.proto.scoring.v1.ListTriggeredSpotChecksResponse;
import org.sqm.proto.scoring.v1.SpotCheckServiceGrpc.SpotCheckServiceBlockingStub;

/**
 * The closed loop's fired spot-check triggers, served by scoring-service: which unit's complaint rate
 * or satisfaction index crossed a threshold of its scoring model, with the reason and figures, and the
 * spot check requested for it in inspection-service.
 */
@Path("/api/v1/spotChecks")
@Tag(name = "Scorecards")
@Produces(MediaType.APPLICATION_JSON)
public class SpotCheckResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final SpotCheckServiceBlockingStub spotChecks;
    private final RemoteCalls calls;

    public SpotCheckResource(@GrpcClient("scoring") SpotCheckServiceBlockingStub spotChecks, RemoteCalls calls) {
        this.spotChecks = spotChecks;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "List fired spot-check triggers",
            description = "After every completed recompute, the spotCheckTriggers of the scoring model each unit's "
                    + "monthly scorecard used are evaluated; a trigger fires at most once per unit, trigger code "
                    + "and month, and requests one SPOT_CHECK inspection whose origin carries the reason and the "
                    + "figures (GET /inspections/{inspectionId}). Newest month first, then by unit.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.SpotCheckService/ListTriggeredSpotChecks")
    public Page<TriggeredSpotCheckView> list(
            @BeanParam PageRequest page,
            @Parameter(description = "Only this unit") @QueryParam("unitId") String unitId,
            @Parameter(description = "Only this month, e.g. 2026-03") @QueryParam("period") String period) {
        ListTriggeredSpotChecksRequest request = ListTriggeredSpotChecksRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setPeriod(nullToEmpty(period))
                .build();
        ListTriggeredSpotChecksResponse list = calls.read(SERVICE, () -> spotChecks.listTriggeredSpotChecks(request));
        return Page.of(list.getTriggeredSpotChecksList(), SpotCheckViews::view, list.getNextPageToken());
    }
}
