package org.sqm.inspection.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.inspection.mapping.PlanMapper;
import org.sqm.inspection.service.OccurrenceGeneration;
import org.sqm.inspection.service.PlanCreation;
import org.sqm.inspection.service.PlanQueries;
import org.sqm.proto.inspection.v1.CreateInspectionPlanRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesRequest;
import org.sqm.proto.inspection.v1.GenerateOccurrencesResponse;
import org.sqm.proto.inspection.v1.GetInspectionPlanRequest;
import org.sqm.proto.inspection.v1.InspectionPlan;
import org.sqm.proto.inspection.v1.InspectionPlanServiceGrpc;
import org.sqm.proto.inspection.v1.ListInspectionPlansRequest;
import org.sqm.proto.inspection.v1.ListInspectionPlansResponse;

/** The gRPC face of plans: {@link PlanCreation}, {@link PlanQueries}, {@link OccurrenceGeneration}. */
@GrpcService
@Blocking
public class InspectionPlanGrpcService extends InspectionPlanServiceGrpc.InspectionPlanServiceImplBase {

    private final PlanCreation creation;
    private final PlanQueries queries;
    private final OccurrenceGeneration generation;

    public InspectionPlanGrpcService(PlanCreation creation, PlanQueries queries, OccurrenceGeneration generation) {
        this.creation = creation;
        this.queries = queries;
        this.generation = generation;
    }

    @Override
    public void createInspectionPlan(CreateInspectionPlanRequest request, StreamObserver<InspectionPlan> response) {
        reply(
                response,
                PlanMapper.toProto(creation.create(PlanMapper.toNewPlan(request.getPlan()), request.getRequestId())));
    }

    @Override
    public void getInspectionPlan(GetInspectionPlanRequest request, StreamObserver<InspectionPlan> response) {
        reply(response, PlanMapper.toProto(queries.get(request.getId())));
    }

    @Override
    public void listInspectionPlans(
            ListInspectionPlansRequest request, StreamObserver<ListInspectionPlansResponse> response) {
        PlanQueries.PlanPage page = queries.list(request.getPageSize(), request.getPageToken());
        reply(
                response,
                ListInspectionPlansResponse.newBuilder()
                        .addAllPlans(
                                page.plans().stream().map(PlanMapper::toProto).toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void generateOccurrences(
            GenerateOccurrencesRequest request, StreamObserver<GenerateOccurrencesResponse> response) {
        OccurrenceGeneration.Generated generated = generation.generate(request.getPlanId(), request.getThroughDate());
        reply(
                response,
                GenerateOccurrencesResponse.newBuilder()
                        .setCreatedCount(generated.created())
                        .setExistingCount(generated.existing())
                        .setPinnedStandard(generated.pinnedStandard())
                        .build());
    }
}
