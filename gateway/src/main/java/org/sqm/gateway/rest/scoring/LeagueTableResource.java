package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Csv;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.scoring.LeagueTableViews.LeagueTableView;
import org.sqm.proto.scoring.v1.GetLeagueTableRequest;
import org.sqm.proto.scoring.v1.LeagueMetric;
import org.sqm.proto.scoring.v1.LeagueTableServiceGrpc.LeagueTableServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;

/**
 * League tables of a period, served by scoring-service: JSON, or CSV for spreadsheets when the
 * request's Accept prefers {@code text/csv} (the gateway negotiates by Accept only, no format parameter).
 */
@Path("/api/v1/leagueTables")
@Tag(name = "Scorecards")
public class LeagueTableResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final LeagueTableServiceBlockingStub tables;
    private final RemoteCalls calls;

    public LeagueTableResource(@GrpcClient("scoring") LeagueTableServiceBlockingStub tables, RemoteCalls calls) {
        this.tables = tables;
        this.calls = calls;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "A period's league table",
            description = "Ranks the units with a current scorecard for the period, filtered by unit type, level "
                    + "(depth in the hierarchy, 0 at the top) and parent unit, by SCORE (default) or "
                    + "SATISFACTION_INDEX; equal values share a rank (1, 2, 2, 4). Units with insufficient data "
                    + "are listed after the ranked ones, unranked. Each row has its movement against the previous "
                    + "period of the same kind and whether its difference to the row above lies beyond the "
                    + "confidence intervals. With Accept: text/csv the rows come as CSV (RFC 4180, header row, "
                    + "numbers as Java's Double.toString, absent values empty) as an attachment "
                    + "league-table-<period>.csv.")
    @APIResponse(
            responseCode = "200",
            description = "The league table",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = LeagueTableView.class)),
                @Content(
                        mediaType = Csv.MEDIA_TYPE,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "rank,status,unitCode,unitName,unitType,level,value,ciLower,"
                                                + "ciUpper,sampleSize,grade,previousRank,movement,differenceToAbove,"
                                                + "insufficientDataReason"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The period has no scorecards yet (PERIOD_NOT_SCORED): recompute it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.LeagueTableService/GetLeagueTable")
    public Response table(
            @Parameter(description = "2026-03, 2026-Q1 or 2026", required = true) @QueryParam("period") String period,
            @Parameter(description = "e.g. SERVICE_HALL") @QueryParam("unitType") String unitType,
            @Parameter(description = "0 for the top; absent for every level") @QueryParam("level") String level,
            @Parameter(description = "Only the direct children of this unit") @QueryParam("parentUnitId")
                    String parentUnitId,
            @Parameter(description = "SCORE (default) or SATISFACTION_INDEX") @QueryParam("metric") String metric,
            HttpHeaders headers) {
        String checkedPeriod = Periods.required("period", period);
        GetLeagueTableRequest.Builder request = GetLeagueTableRequest.newBuilder()
                .setPeriod(checkedPeriod)
                .setUnitType(QueryParams.protoEnum("unitType", unitType, UnitType.class))
                .setParentUnitId(nullToEmpty(parentUnitId))
                .setMetric(QueryParams.protoEnum("metric", metric, LeagueMetric.class));
        Integer depth = QueryParams.wholeNumber("level", level, 0);
        if (depth != null) {
            request.setLevel(depth);
        }
        LeagueTableView table =
                LeagueTableMapping.view(calls.read(SERVICE, () -> tables.getLeagueTable(request.build())));
        if (!Csv.preferred(headers)) {
            return Response.ok(table, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(LeagueTableMapping.csv(table), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"league-table-" + checkedPeriod + ".csv\"")
                .build();
    }
}
