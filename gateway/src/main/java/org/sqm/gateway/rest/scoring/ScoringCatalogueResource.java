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
import org.sqm.gateway.rest.http.Created;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.ScoringViews.DeductionRuleBody;
import org.sqm.gateway.rest.scoring.ScoringViews.DeductionRuleView;
import org.sqm.gateway.rest.scoring.ScoringViews.IndicatorBody;
import org.sqm.gateway.rest.scoring.ScoringViews.IndicatorView;
import org.sqm.proto.scoring.v1.CreateDeductionRuleRequest;
import org.sqm.proto.scoring.v1.CreateIndicatorRequest;
import org.sqm.proto.scoring.v1.DeductionRule;
import org.sqm.proto.scoring.v1.DeductionRuleServiceGrpc.DeductionRuleServiceBlockingStub;
import org.sqm.proto.scoring.v1.GetDeductionRuleRequest;
import org.sqm.proto.scoring.v1.GetIndicatorRequest;
import org.sqm.proto.scoring.v1.Indicator;
import org.sqm.proto.scoring.v1.IndicatorServiceGrpc.IndicatorServiceBlockingStub;
import org.sqm.proto.scoring.v1.ListDeductionRulesRequest;
import org.sqm.proto.scoring.v1.ListDeductionRulesResponse;
import org.sqm.proto.scoring.v1.ListIndicatorsRequest;
import org.sqm.proto.scoring.v1.ListIndicatorsResponse;

/** What units are scored on, as data: sampled indicators and deduction rules; served by scoring-service. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring catalogue", description = "Sampled indicators and deduction rules")
@APIResponse(
        responseCode = "409",
        description = "A code in use, or a reused Idempotency-Key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScoringCatalogueResource {

    static final String SERVICE = "scoring-service";

    private final IndicatorServiceBlockingStub indicators;
    private final DeductionRuleServiceBlockingStub rules;
    private final RemoteCalls calls;

    public ScoringCatalogueResource(
            @GrpcClient("scoring") IndicatorServiceBlockingStub indicators,
            @GrpcClient("scoring") DeductionRuleServiceBlockingStub rules,
            RemoteCalls calls) {
        this.indicators = indicators;
        this.rules = rules;
        this.calls = calls;
    }

    @POST
    @Path("/indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a sampled indicator", description = "Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Defined",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.IndicatorService/CreateIndicator")
    public Response createIndicator(
            IndicatorBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        Indicator indicator = ScoringMapping.indicator(RequestBodies.required(body));
        Indicator created = calls.write(
                SERVICE,
                () -> indicators.createIndicator(CreateIndicatorRequest.newBuilder()
                        .setIndicator(indicator)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Created.at(uri, created.getId(), ScoringMapping.view(created));
    }

    @GET
    @Path("/indicators/{id: " + Segments.ID + "}")
    @Operation(summary = "Read an indicator")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.IndicatorService/GetIndicator")
    public IndicatorView indicator(@PathParam("id") String id) {
        return ScoringMapping.view(calls.read(
                SERVICE,
                () -> indicators.getIndicator(
                        GetIndicatorRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "List indicators", description = "By code.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.IndicatorService/ListIndicators")
    public Page<IndicatorView> indicators(@BeanParam PageRequest page) {
        ListIndicatorsResponse list = calls.read(
                SERVICE,
                () -> indicators.listIndicators(ListIndicatorsRequest.newBuilder()
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .build()));
        return Page.of(list.getIndicatorsList(), ScoringMapping::view, list.getNextPageToken());
    }

    @POST
    @Path("/deductionRules")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a deduction rule", description = "Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Defined",
            content = @Content(schema = @Schema(implementation = DeductionRuleView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.DeductionRuleService/CreateDeductionRule")
    public Response createDeductionRule(
            DeductionRuleBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        DeductionRule rule = ScoringMapping.deductionRule(RequestBodies.required(body));
        DeductionRule created = calls.write(
                SERVICE,
                () -> rules.createDeductionRule(CreateDeductionRuleRequest.newBuilder()
                        .setDeductionRule(rule)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Created.at(uri, created.getId(), ScoringMapping.view(created));
    }

    @GET
    @Path("/deductionRules/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a deduction rule")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.DeductionRuleService/GetDeductionRule")
    public DeductionRuleView deductionRule(@PathParam("id") String id) {
        return ScoringMapping.view(calls.read(
                SERVICE,
                () -> rules.getDeductionRule(
                        GetDeductionRuleRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Path("/deductionRules")
    @Operation(summary = "List deduction rules", description = "By code.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.DeductionRuleService/ListDeductionRules")
    public Page<DeductionRuleView> deductionRules(@BeanParam PageRequest page) {
        ListDeductionRulesResponse list = calls.read(
                SERVICE,
                () -> rules.listDeductionRules(ListDeductionRulesRequest.newBuilder()
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .build()));
        return Page.of(list.getDeductionRulesList(), ScoringMapping::view, list.getNextPageToken());
    }
}
