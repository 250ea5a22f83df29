package org.sqm.gateway.rest.scoring;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
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
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.PublishedPerformanceViews.PublicationView;
import org.sqm.gateway.rest.scoring.PublishedPerformanceViews.PublishedPageView;
import org.sqm.gateway.rest.scoring.PublishedPerformanceViews.PublishedRowView;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceRequest;
import org.sqm.proto.scoring.v1.ListPublishedPerformanceResponse;
import org.sqm.proto.scoring.v1.PublishPerformanceRequest;
import org.sqm.proto.scoring.v1.PublishedPerformanceServiceGrpc.PublishedPerformanceServiceBlockingStub;
import org.sqm.proto.standards.v1.UnitType;

/**
 * Published performance, served by scoring-service: publishing a closed period once, and its read-only
 * feed of unit aggregates as JSON pages, or every row as CSV when the request's Accept prefers
 * {@code text/csv}.
 */
@Path("/api/v1/publishedPerformance")
@Tag(name = "Scorecards")
public class PublishedPerformanceResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;
    private static final int CSV_PAGE = 1000;

    private final PublishedPerformanceServiceBlockingStub published;
    private final RemoteCalls calls;

    public PublishedPerformanceResource(
            @GrpcClient("scoring") PublishedPerformanceServiceBlockingStub published, RemoteCalls calls) {
        this.published = published;
        this.calls = calls;
    }

    @POST
    @Path("/{period: " + Segments.ID + "}:publish")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Publish a period's performance",
            description = "Keeps every current scorecard's figures of a closed, scored period (satisfaction index "
                    + "with its sample, complaint timeliness, complaint rate, the model's indicators) next to the "
                    + "targets of the model each used, as the period's publication; from then on its feed never "
                    + "changes, whatever is recomputed. Publishing a published period again answers the first "
                    + "publication unchanged (200 both times). No body. 400 names "
                    + "period when malformed, in the future (PERIOD_IN_FUTURE) or not ended (PERIOD_NOT_CLOSED).")
    @APIResponse(
            responseCode = "200",
            description = "The publication",
            content = @Content(schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The period has no scorecards yet (PERIOD_NOT_SCORED): recompute it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.PublishedPerformanceService/PublishPerformance")
    public PublicationView publish(
            @Parameter(description = "2026-03, 2026-Q1 or 2026") @PathParam("period") String period) {
        PublishPerformanceRequest request = PublishPerformanceRequest.newBuilder()
                .setPeriod(Periods.required("period", period))
                .build();
        return PublishedPerformanceMapping.view(calls.write(SERVICE, () -> published.publishPerformance(request)));
    }

    @GET
    @Path("/{period: " + Segments.ID + "}")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(
            summary = "A published period's figures",
            description = "One row per unit, by unit code, with each figure next to its target: unit aggregates "
                    + "only, no customer, complainant or respondent. The same answer for every read. JSON is "
                    + "paged (pageSize, pageToken); with Accept: text/csv every row under the filters comes as CSV "
                    + "(RFC 4180, header row, one line per unit and figure, numbers as Java's Double.toString, "
                    + "absent values empty) as an attachment published-performance-<period>.csv.")
    @APIResponse(
            responseCode = "200",
            description = "The publication and a page of its rows",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PublishedPageView.class)),
                @Content(
                        mediaType = Csv.MEDIA_TYPE,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description = "period,unitCode,unitName,unitType,level,unitId,parentUnitId,"
                                                + "measure,indicatorCode,name,achieved,sampleSize,target,targetMet,"
                                                + "note"))
            })
    @APIResponse(
            responseCode = "409",
            description = "The period is not published (PERIOD_NOT_PUBLISHED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.PublishedPerformanceService/ListPublishedPerformance")
    public Response feed(
            @Parameter(description = "2026-03, 2026-Q1 or 2026") @PathParam("period") String period,
            @Parameter(description = "e.g. SERVICE_HALL") @QueryParam("unitType") String unitType,
            @Parameter(description = "Only the direct children of this unit") @QueryParam("parentUnitId")
                    String parentUnitId,
            @BeanParam PageRequest page,
            HttpHeaders headers) {
        ListPublishedPerformanceRequest request = ListPublishedPerformanceRequest.newBuilder()
                .setPeriod(Periods.required("period", period))
                .setUnitType(QueryParams.protoEnum("unitType", unitType, UnitType.class))
                .setParentUnitId(nullToEmpty(parentUnitId))
                .setPageSize(page.size())
                .setPageToken(page.token())
                .build();
        if (!Csv.preferred(headers)) {
            ListPublishedPerformanceResponse answer =
                    calls.read(SERVICE, () -> published.listPublishedPerformance(request));
            return Response.ok(PublishedPerformanceMapping.view(answer), MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        List<PublishedRowView> rows = new ArrayList<>();
        calls.readAllPages(
                SERVICE,
                token -> published.listPublishedPerformance(request.toBuilder()
                        .setPageSize(CSV_PAGE)
                        .setPageToken(token)
                        .build()),
                (ListPublishedPerformanceResponse answer) ->
                        answer.getRowsList().forEach(r -> rows.add(PublishedPerformanceMapping.view(r))),
                ListPublishedPerformanceResponse::getNextPageToken);
        return Response.ok(PublishedPerformanceMapping.csv(rows), Csv.MEDIA_TYPE + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"published-performance-" + request.getPeriod() + ".csv\"")
                .build();
    }
}
