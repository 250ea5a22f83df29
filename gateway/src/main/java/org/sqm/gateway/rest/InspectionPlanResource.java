package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.nextPageToken;
import static org.sqm.gateway.rest.Paging.nz;
import static org.sqm.gateway.rest.Paging.pageSize;
import static org.sqm.gateway.rest.Paging.pageToken;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.grpc.GrpcClient;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.grpc.BackendCalls;
import org.sqm.gateway.rest.InspectionViews.GenerateBody;
import org.sqm.gateway.rest.InspectionViews.GeneratedView;
import org.sqm.gateway.rest.InspectionViews.PlanBody;
import org.sqm.gateway.rest.InspectionViews.PlanView;
import org.sqm.proto.inspection.v1.Cadence;
import org.sqm.proto.inspection.v1.CreateInspectionPlanRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesResponse;
import org.sqm.proto.inspection.v1.GetInspectionPlanRequest;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc.InspectionPlanServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectionPlansRequest;
import org.sqm.proto.inspection.v1.ListInspectionPlansResponse;
import org.sqm.proto.inspection.v1.PlanTargets;

/** Inspection plans, served by inspection-service. */
@Path("/api/v1/inspectionPlans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection plans", description = "What is inspected how often, and the scheduled inspections it generates")
@APIResponse(
        responseCode = "400",
        description = "Invalid input; `errors` names every invalid field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "409",
        description = "A reused Idempotency-Key, or a standard without a published version",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InspectionPlanResource {

    private final InspectionPlanServiceBlockingStub plans;
    private final BackendCalls calls;
    private final ObjectMapper json;

    public InspectionPlanResource(
            @GrpcClient("inspection") InspectionPlanServiceBlockingStub plans, BackendCalls calls, ObjectMapper json) {
        this.plans = plans;
        this.calls = calls;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a plan", description = "Send an Idempotency-Key to make retries safe.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response create(PlanBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException("body", "is required");
        }
        PlanTargets.Builder targets = PlanTargets.newBuilder();
        if (body.targets() != null) {
            targets.setParentUnitId(nz(body.targets().parentUnitId()));
            if (body.targets().unitIds() != null) {
                body.targets().unitIds().forEach(id -> targets.addUnitIds(nz(id)));
            }
            if (body.targets().unitType() != null) {
                targets.setUnitType(org.sqm.proto.standards.v1.UnitType.valueOf(
                        "UNIT_TYPE_" + body.targets().unitType().name()));
            }
        }
        InspectionPlan.Builder p = InspectionPlan.newBuilder()
                .setName(nz(body.name()))
                .setKind(InspectionMapping.kind(body.kind()))
                .setAuthorityLevel(InspectionMapping.authority(body.authorityLevel()))
                .setStandardCode(nz(body.standardCode()))
                .setTargets(targets)
                .setStartDate(nz(body.startDate()))
                .setEndDate(nz(body.endDate()))
                .setTimeZone(nz(body.timeZone()));
        if (body.cadence() != null) {
            p.setCadence(Cadence.valueOf("CADENCE_" + body.cadence().name()));
        }
        if (body.explicitDates() != null) {
            body.explicitDates().forEach(d -> p.addExplicitDates(nz(d)));
        }
        InspectionPlan created = calls.write(() -> plans.createInspectionPlan(CreateInspectionPlanRequest.newBuilder()
                .setPlan(p)
                .setRequestId(nz(idempotencyKey))
                .build()));
        return Response.created(URI.create(uri.getBaseUri().getPath() + "api/v1/inspectionPlans/" + created.getId()))
                .entity(InspectionMapping.plan(created))
                .build();
    }

    @GET
    @Path("/{id: [^/:]+}")
    @Operation(summary = "Read a plan")
    public PlanView get(@PathParam("id") String id) {
        return InspectionMapping.plan(calls.read(() -> plans.getInspectionPlan(
                GetInspectionPlanRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List plans", description = "Newest first.")
    public Page<PlanView> list(@QueryParam("pageSize") String pageSize, @QueryParam("pageToken") String pageToken) {
        ListInspectionPlansResponse page =
                calls.read(() -> plans.listInspectionPlans(ListInspectionPlansRequest.newBuilder()
                        .setPageSize(pageSize(pageSize))
                        .setPageToken(pageToken(pageToken))
                        .build()));
        return new Page<>(
                page.getPlansList().stream().map(InspectionMapping::plan).toList(),
                nextPageToken(page.getNextPageToken()));
    }

    @POST
    @Path("/{id: [^/:]+}:generate")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Generate the plan's scheduled inspections",
            description = "For every period starting on or before throughDate (default: the plan's end) and every "
                    + "target unit, pinned to the standard version published now. Safe to repeat: existing "
                    + "occurrences are left alone.")
    @APIResponse(
            responseCode = "200",
            description = "What was generated",
            content = @Content(schema = @Schema(implementation = GeneratedView.class)))
    public GeneratedView generate(@PathParam("id") String id, String body) {
        GenerateBody b = Paging.readBody(json, body, GenerateBody.class, new GenerateBody(null));
        GenerateOccurrencesResponse r =
                calls.write(() -> plans.generateOccurrences(GenerateOccurrencesRequest.newBuilder()
                        .setPlanId(id)
                        .setThroughDate(nz(b.throughDate()))
                        .build()));
        return new GeneratedView(r.getCreatedCount(), r.getExistingCount(), r.getPinnedStandard());
    }
}
