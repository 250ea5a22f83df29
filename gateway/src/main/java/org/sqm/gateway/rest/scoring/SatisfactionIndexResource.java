package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.ScoringViews.SatisfactionIndexView;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.scoring.v1.GetSatisfactionIndexRequest;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;

/** The satisfaction index of a unit, computed by scoring-service from the survey responses. */
@Path("/api/v1/units/{id: " + Segments.ID + "}/satisfactionIndex")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring inputs")
public class SatisfactionIndexResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final SurveyServiceBlockingStub surveys;
    private final RemoteCalls calls;

    public SatisfactionIndexResource(@GrpcClient("scoring") SurveyServiceBlockingStub surveys, RemoteCalls calls) {
        this.surveys = surveys;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "The satisfaction index of a unit",
            description = "For a period (2026-03, 2026-Q1 or 2026) and a segment (absent: all): the mean score on "
                    + "0-100, its sample size and a 95 % confidence interval by Student's t, clamped to [0, 100].")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.SurveyService/GetSatisfactionIndex")
    public SatisfactionIndexView satisfactionIndex(
            @PathParam("id") String unitId,
            @Parameter(description = "2026-03, 2026-Q1 or 2026", required = true) @QueryParam("period") String period,
            @Parameter(description = "MOBILE, HOME, BUSINESS, VIP or BROADBAND; absent for all") @QueryParam("segment")
                    String segment) {
        GetSatisfactionIndexRequest request = GetSatisfactionIndexRequest.newBuilder()
                .setUnitId(unitId)
                .setPeriod(nullToEmpty(period))
                .setSegment(QueryParams.protoEnum("segment", segment, CustomerSegment.class))
                .build();
        return ScoringMapping.view(calls.read(SERVICE, () -> surveys.getSatisfactionIndex(request)));
    }
}
