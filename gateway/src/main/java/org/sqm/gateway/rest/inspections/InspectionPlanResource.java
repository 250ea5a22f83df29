package org.sqm.gateway.rest.inspections;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Created;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.inspections.InspectionViews.GenerateBody;
import org.sqm.gateway.rest.inspections.InspectionViews.GeneratedView;
import org.sqm.gateway.rest.inspections.InspectionViews.PlanBody;
import org.sqm.gateway.rest.inspections.InspectionViews.PlanView;
import org.sqm.proto.inspection.v1.CreateInspectionPlanRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesResponse;
import org.sqm.proto.inspection.v1.GetInspectionPlanRequest;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc.InspectionPlanServiceBlockingStub;
import org.sqm.proto.inspection.v1.ListInspectionPlansRequest;
import org.sqm.proto.inspection.v1.ListInspectionPlansResponse;

/** Inspection plans, served by inspection-service. */
@Path("/api/v1/inspectionPlans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inspection plans", description = "What is inspected how often, and the scheduled inspections it generates")
@APIResponse(
        responseCode = "409",
        description = "A reused Idempotency-Key, or a standard without a published version",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InspectionPlanResource {

    private static final String SERVICE = "inspection-service";

    private final InspectionPlanServiceBlockingStub plans;
    private final RemoteCalls calls;
    private final ObjectMapper json;

    public InspectionPlanResource(
            @GrpcClient("inspection") InspectionPlanServiceBlockingStub plans, RemoteCalls calls, ObjectMapper json) {
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
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionPlanService/CreateInspectionPlan")
    public Response create(PlanBody body, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        InspectionPlan.Builder plan = InspectionMapping.plan(RequestBodies.required(body));
        InspectionPlan created = calls.write(
                SERVICE,
                () -> plans.createInspectionPlan(CreateInspectionPlanRequest.newBuilder()
                        .setPlan(plan)
                        .setRequestId(nullToEmpty(idempotencyKey))
                        .build()));
        return Created.at(uri, created.getId(), InspectionMapping.view(created));
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(summary = "Read a plan")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionPlanService/GetInspectionPlan")
    public PlanView get(@PathParam("id") String id) {
        return InspectionMapping.view(calls.read(
                SERVICE,
                () -> plans.getInspectionPlan(
                        GetInspectionPlanRequest.newBuilder().setId(id).build())));
    }

    @GET
    @Operation(summary = "List plans", description = "Newest first.")
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionPlanService/ListInspectionPlans")
    public Page<PlanView> list(@BeanParam PageRequest page) {
        ListInspectionPlansResponse list = calls.read(
                SERVICE,
                () -> plans.listInspectionPlans(ListInspectionPlansRequest.newBuilder()
                        .setPageSize(page.size())
                        .setPageToken(page.token())
                        .build()));
        return Page.of(list.getPlansList(), InspectionMapping::view, list.getNextPageToken());
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:generate")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Generate the plan's scheduled inspections",
            description = "For every period starting on or before throughDate (default: the plan's end) and every "
                    + "target unit, pinned to the standard version published now. Safe to repeat: existing "
                    + "occurrences are left alone.")
    @RequestBody(content = @Content(schema = @Schema(implementation = GenerateBody.class)))
    @APIResponse(
            responseCode = "200",
            description = "What was generated",
            content = @Content(schema = @Schema(implementation = GeneratedView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.inspection.v1.InspectionPlanService/GenerateOccurrences")
    public GeneratedView generate(@PathParam("id") String id, String body) {
        GenerateBody b = RequestBodies.optional(json, body, GenerateBody.class, new GenerateBody(null));
        GenerateOccurrencesResponse r = calls.write(
                SERVICE,
                () -> plans.generateOccurrences(GenerateOccurrencesRequest.newBuilder()
                        .setPlanId(id)
                        .setThroughDate(nullToEmpty(b.throughDate()))
                        .build()));
        return new GeneratedView(r.getCreatedCount(), r.getExistingCount(), r.getPinnedStandard());
    }
}
