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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.rest.http.Created;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.scoring.ScoringViews.CustomersServedBatchBody;
import org.sqm.gateway.rest.scoring.ScoringViews.CustomersServedView;
import org.sqm.gateway.rest.scoring.ScoringViews.MeasurementBatchBody;
import org.sqm.gateway.rest.scoring.ScoringViews.MeasurementView;
import org.sqm.gateway.rest.scoring.ScoringViews.SurveyBatchBody;
import org.sqm.proto.scoring.v1.CreateCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.CreateMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.CreateSurveyBatchRequest;
import org.sqm.proto.scoring.v1.CustomersServedBatch;
import org.sqm.proto.scoring.v1.CustomersServedServiceGrpc.CustomersServedServiceBlockingStub;
import org.sqm.proto.scoring.v1.GetCustomersServedBatchRequest;
import org.sqm.proto.scoring.v1.GetMeasurementBatchRequest;
import org.sqm.proto.scoring.v1.GetSurveyBatchRequest;
import org.sqm.proto.scoring.v1.ListCustomersServedRequest;
import org.sqm.proto.scoring.v1.ListCustomersServedResponse;
import org.sqm.proto.scoring.v1.ListMeasurementsRequest;
import org.sqm.proto.scoring.v1.ListMeasurementsResponse;
import org.sqm.proto.scoring.v1.MeasurementBatch;
import org.sqm.proto.scoring.v1.MeasurementServiceGrpc.MeasurementServiceBlockingStub;
import org.sqm.proto.scoring.v1.SurveyBatch;
import org.sqm.proto.scoring.v1.SurveyServiceGrpc.SurveyServiceBlockingStub;

/**
 * What units are measured on, recorded in batches: measurements of sampled indicators, satisfaction
 * survey responses, customers served; served by scoring-service. A batch's own id makes sending it again safe: the same batch answers the first
 * recording, other content under the id is 409.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scoring inputs", description = "Measurements, survey responses and customers served, in batches")
@APIResponse(
        responseCode = "409",
        description = "A batch id used for other content, a value already current in another batch, or a batch "
                + "already superseded",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScoringInputResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;
    private static final String BATCH_ID = "/{batchId: [^/]+}";

    private final MeasurementServiceBlockingStub measurements;
    private final SurveyServiceBlockingStub surveys;
    private final CustomersServedServiceBlockingStub customers;
    private final RemoteCalls calls;

    public ScoringInputResource(
            @GrpcClient("scoring") MeasurementServiceBlockingStub measurements,
            @GrpcClient("scoring") SurveyServiceBlockingStub surveys,
            @GrpcClient("scoring") CustomersServedServiceBlockingStub customers,
            RemoteCalls calls) {
        this.measurements = measurements;
        this.surveys = surveys;
        this.customers = customers;
        this.calls = calls;
    }

    @POST
    @Path("/measurementBatches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a batch of measurements",
            description = "Each item: unitId, indicatorCode, period (2026-03, 2026-Q1 or 2026), and numerator and "
                    + "denominator for a rate or mean and sampleSize for a mean. A correction names the batch it "
                    + "supersedes in supersedesBatchId; both stay readable.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded (or recorded before with the same content)",
            content = @Content(schema = @Schema(implementation = MeasurementBatchBody.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.MeasurementService/CreateMeasurementBatch")
    public Response createMeasurementBatch(MeasurementBatchBody body, UriInfo uri) {
        MeasurementBatch batch = ScoringMapping.measurementBatch(RequestBodies.required(body));
        MeasurementBatch created = calls.write(
                SERVICE,
                () -> measurements.createMeasurementBatch(CreateMeasurementBatchRequest.newBuilder()
                        .setMeasurementBatch(batch)
                        .build()));
        return Created.at(uri, created.getBatchId(), ScoringMapping.view(created));
    }

    @GET
    @Path("/measurementBatches" + BATCH_ID)
    @Operation(
            summary = "Read a measurement batch",
            description = "With supersededByBatchId once a correction superseded it.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.MeasurementService/GetMeasurementBatch")
    public MeasurementBatchBody measurementBatch(@PathParam("batchId") String batchId) {
        return ScoringMapping.view(calls.read(
                SERVICE,
                () -> measurements.getMeasurementBatch(GetMeasurementBatchRequest.newBuilder()
                        .setBatchId(batchId)
                        .build())));
    }

    @GET
    @Path("/measurements")
    @Operation(
            summary = "List measurements",
            description =
                    "The current ones in the order recorded; includeSuperseded=true adds those of superseded batches.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.MeasurementService/ListMeasurements")
    public Page<MeasurementView> measurements(
            @BeanParam PageRequest page,
            @QueryParam("unitId") String unitId,
            @QueryParam("indicatorCode") String indicatorCode,
            @Parameter(description = "2026-03, 2026-Q1 or 2026") @QueryParam("period") String period,
            @QueryParam("includeSuperseded") String includeSuperseded) {
        ListMeasurementsRequest request = ListMeasurementsRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setIndicatorCode(nullToEmpty(indicatorCode))
                .setPeriod(nullToEmpty(period))
                .setShowSuperseded(QueryParams.flag("includeSuperseded", includeSuperseded))
                .build();
        ListMeasurementsResponse list = calls.read(SERVICE, () -> measurements.listMeasurements(request));
        return Page.of(list.getMeasurementsList(), ScoringMapping::view, list.getNextPageToken());
    }

    @POST
    @Path("/surveyBatches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a batch of survey responses",
            description = "On the survey's declared scale (scaleMin to scaleMax); each response: unitId, segment, "
                    + "date (not in the future), score on the scale.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded (or recorded before with the same content)",
            content = @Content(schema = @Schema(implementation = SurveyBatchBody.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.SurveyService/CreateSurveyBatch")
    public Response createSurveyBatch(SurveyBatchBody body, UriInfo uri) {
        SurveyBatch batch = ScoringMapping.surveyBatch(RequestBodies.required(body));
        SurveyBatch created = calls.write(
                SERVICE,
                () -> surveys.createSurveyBatch(CreateSurveyBatchRequest.newBuilder()
                        .setSurveyBatch(batch)
                        .build()));
        return Created.at(uri, created.getBatchId(), ScoringMapping.view(created));
    }

    @GET
    @Path("/surveyBatches" + BATCH_ID)
    @Operation(summary = "Read a survey batch")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.SurveyService/GetSurveyBatch")
    public SurveyBatchBody surveyBatch(@PathParam("batchId") String batchId) {
        return ScoringMapping.view(calls.read(
                SERVICE,
                () -> surveys.getSurveyBatch(
                        GetSurveyBatchRequest.newBuilder().setBatchId(batchId).build())));
    }

    @POST
    @Path("/customersServedBatches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a batch of customer counts",
            description = "Each item: unitId, period, customers. One batch can hold every unit of a period.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded (or recorded before with the same content)",
            content = @Content(schema = @Schema(implementation = CustomersServedBatchBody.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.CustomersServedService/CreateCustomersServedBatch")
    public Response createCustomersServedBatch(CustomersServedBatchBody body, UriInfo uri) {
        CustomersServedBatch batch = ScoringMapping.customersServedBatch(RequestBodies.required(body));
        CustomersServedBatch created = calls.write(
                SERVICE,
                () -> customers.createCustomersServedBatch(CreateCustomersServedBatchRequest.newBuilder()
                        .setCustomersServedBatch(batch)
                        .build()));
        return Created.at(uri, created.getBatchId(), ScoringMapping.view(created));
    }

    @GET
    @Path("/customersServedBatches" + BATCH_ID)
    @Operation(summary = "Read a customers-served batch")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.CustomersServedService/GetCustomersServedBatch")
    public CustomersServedBatchBody customersServedBatch(@PathParam("batchId") String batchId) {
        return ScoringMapping.view(calls.read(
                SERVICE,
                () -> customers.getCustomersServedBatch(GetCustomersServedBatchRequest.newBuilder()
                        .setBatchId(batchId)
                        .build())));
    }

    @GET
    @Path("/customersServed")
    @Operation(
            summary = "List customer counts",
            description =
                    "The current ones in the order recorded; includeSuperseded=true adds those of superseded batches.")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.CustomersServedService/ListCustomersServed")
    public Page<CustomersServedView> customersServed(
            @BeanParam PageRequest page,
            @QueryParam("unitId") String unitId,
            @Parameter(description = "2026-03, 2026-Q1 or 2026") @QueryParam("period") String period,
            @QueryParam("includeSuperseded") String includeSuperseded) {
        ListCustomersServedRequest request = ListCustomersServedRequest.newBuilder()
                .setPageSize(page.size())
                .setPageToken(page.token())
                .setUnitId(nullToEmpty(unitId))
                .setPeriod(nullToEmpty(period))
                .setShowSuperseded(QueryParams.flag("includeSuperseded", includeSuperseded))
                .build();
        ListCustomersServedResponse list = calls.read(SERVICE, () -> customers.listCustomersServed(request));
        return Page.of(list.getCustomersServedList(), ScoringMapping::view, list.getNextPageToken());
    }
}
