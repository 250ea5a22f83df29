package org.sqm.inspection.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.mapping.InspectionMapper;
import org.sqm.inspection.service.InspectionService;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.GetInspectionRequest;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionComparison;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc;
import org.sqm.proto.inspection.v1.ListInspectionResultsRequest;
import org.sqm.proto.inspection.v1.ListInspectionResultsResponse;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.RateElementsRequest;
import org.sqm.proto.inspection.v1.RecordMysteryShoppingContactRequest;
import org.sqm.proto.inspection.v1.TransitionInspectionRequest;

/** The gRPC face of {@link InspectionService}. */
@GrpcService
@Blocking
public class InspectionGrpcService extends InspectionServiceGrpc.InspectionServiceImplBase {

    private final InspectionService inspections;

    public InspectionGrpcService(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Override
    public void createInspection(CreateInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(inspections.create(
                        InspectionMapper.toNewInspection(request.getInspection()), request.getRequestId())));
    }

    @Override
    public void getInspection(GetInspectionRequest request, StreamObserver<Inspection> response) {
        reply(response, InspectionMapper.toProto(inspections.get(request.getId())));
    }

    @Override
    public void listInspections(ListInspectionsRequest request, StreamObserver<ListInspectionsResponse> response) {
        InspectionService.InspectionPage page = inspections.list(
                new InspectionService.InspectionFilter(
                        request.getUnitId(),
                        request.getPlanId(),
                        InspectionMapper.toDomain(request.getStatus()),
                        request.getMissedOnly()),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListInspectionsResponse.newBuilder()
                        .addAllInspections(page.inspections().stream()
                                .map(InspectionMapper::toProto)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void assignInspectors(AssignInspectorsRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(
                        inspections.assign(request.getId(), request.getEtag(), request.getInspectorIdsList())));
    }

    @Override
    public void recordMysteryShoppingContact(
            RecordMysteryShoppingContactRequest request, StreamObserver<Inspection> response) {
        var contact = request.getContact();
        reply(
                response,
                InspectionMapper.toProto(inspections.recordContact(
                        request.getId(),
                        request.getEtag(),
                        InspectionMapper.toDomain(contact.getMode()),
                        ProtoTime.instantOrNull(contact.hasContactTime(), contact.getContactTime()),
                        contact.getScenario())));
    }

    @Override
    public void rateElements(RateElementsRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(inspections.rate(
                        request.getId(),
                        request.getRatingsList().stream()
                                .map(InspectionMapper::toNewRating)
                                .toList())));
    }

    @Override
    public void transitionInspection(TransitionInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(inspections.transition(
                        request.getId(),
                        request.getEtag(),
                        InspectionMapper.toDomain(request.getAction()),
                        request.getNote())));
    }

    @Override
    public void listInspectionResults(
            ListInspectionResultsRequest request, StreamObserver<ListInspectionResultsResponse> response) {
        InspectionService.ResultPage page = inspections.results(
                new InspectionService.ResultFilter(
                        ProtoTime.instantOrNull(request.hasFinalizedFrom(), request.getFinalizedFrom()),
                        ProtoTime.instantOrNull(request.hasFinalizedUntil(), request.getFinalizedUntil()),
                        request.getUnitId(),
                        InspectionMapper.toDomain(request.getKind()),
                        InspectionMapper.toDomain(request.getAuthorityLevel())),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListInspectionResultsResponse.newBuilder()
                        .addAllResults(page.results().stream()
                                .map(InspectionMapper::toResult)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void compareInspection(CompareInspectionRequest request, StreamObserver<InspectionComparison> response) {
        reply(response, InspectionMapper.toProto(inspections.compare(request.getId())));
    }
}
