package org.sqm.inspection.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.inspection.mapping.InspectionMapper;
import org.sqm.inspection.service.InspectionCreation;
import org.sqm.inspection.service.InspectionFieldwork;
import org.sqm.inspection.service.InspectionLifecycle;
import org.sqm.inspection.service.InspectionQueries;
import org.sqm.inspection.service.InspectionRating;
import org.sqm.inspection.service.InspectionResults;
import org.sqm.proto.inspection.v1.AssignInspectorsRequest;
import org.sqm.proto.inspection.v1.CancelInspectionRequest;
import org.sqm.proto.inspection.v1.CompareInspectionRequest;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.FinalizeInspectionRequest;
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
import org.sqm.proto.inspection.v1.ReturnInspectionRequest;
import org.sqm.proto.inspection.v1.StartInspectionRequest;
import org.sqm.proto.inspection.v1.SubmitInspectionRequest;

/** The gRPC face of the inspection services: creation, queries, fieldwork, rating, lifecycle, results. */
@GrpcService
@Blocking
public class InspectionGrpcService extends InspectionServiceGrpc.InspectionServiceImplBase {

    private final InspectionCreation creation;
    private final InspectionQueries queries;
    private final InspectionFieldwork fieldwork;
    private final InspectionRating rating;
    private final InspectionLifecycle lifecycle;
    private final InspectionResults results;

    public InspectionGrpcService(
            InspectionCreation creation,
            InspectionQueries queries,
            InspectionFieldwork fieldwork,
            InspectionRating rating,
            InspectionLifecycle lifecycle,
            InspectionResults results) {
        this.creation = creation;
        this.queries = queries;
        this.fieldwork = fieldwork;
        this.rating = rating;
        this.lifecycle = lifecycle;
        this.results = results;
    }

    @Override
    public void createInspection(CreateInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(creation.create(
                        InspectionMapper.toNewInspection(request.getInspection()), request.getRequestId())));
    }

    @Override
    public void getInspection(GetInspectionRequest request, StreamObserver<Inspection> response) {
        reply(response, InspectionMapper.toProto(queries.get(request.getId())));
    }

    @Override
    public void listInspections(ListInspectionsRequest request, StreamObserver<ListInspectionsResponse> response) {
        InspectionQueries.InspectionPage page = queries.list(
                new InspectionQueries.InspectionFilter(
                        request.getUnitId(),
                        request.getPlanId(),
                        InspectionMapper.toDomain(request.getStatus()),
                        request.getMissedOnly(),
                        request.getOpenOnly()),
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
                        fieldwork.assign(request.getId(), request.getEtag(), request.getInspectorIdsList())));
    }

    @Override
    public void recordMysteryShoppingContact(
            RecordMysteryShoppingContactRequest request, StreamObserver<Inspection> response) {
        var contact = request.getContact();
        reply(
                response,
                InspectionMapper.toProto(fieldwork.recordContact(
                        request.getId(),
                        request.getEtag(),
                        InspectionMapper.toDomain(contact.getMode()),
                        ProtoTime.instantOrNull(
                                "contact.contact_time", contact.hasContactTime(), contact.getContactTime()),
                        contact.getScenario())));
    }

    @Override
    public void rateElements(RateElementsRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(rating.rate(
                        request.getId(),
                        request.getRatingsList().stream()
                                .map(InspectionMapper::toNewRating)
                                .toList())));
    }

    @Override
    public void startInspection(StartInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(lifecycle.start(
                        request.getId(), request.getEtag(), move(request.getNote(), Actors.of(request.getActor())))));
    }

    @Override
    public void submitInspection(SubmitInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(lifecycle.submit(
                        request.getId(), request.getEtag(), move(request.getNote(), Actors.of(request.getActor())))));
    }

    @Override
    public void returnInspection(ReturnInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(lifecycle.returnForRevision(
                        request.getId(), request.getEtag(), move(request.getNote(), Actors.of(request.getActor())))));
    }

    @Override
    public void finalizeInspection(FinalizeInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(lifecycle.finalizeInspection(
                        request.getId(), request.getEtag(), move(request.getNote(), Actors.of(request.getActor())))));
    }

    @Override
    public void cancelInspection(CancelInspectionRequest request, StreamObserver<Inspection> response) {
        reply(
                response,
                InspectionMapper.toProto(lifecycle.cancel(
                        request.getId(), request.getEtag(), move(request.getNote(), Actors.of(request.getActor())))));
    }

    @Override
    public void listInspectionResults(
            ListInspectionResultsRequest request, StreamObserver<ListInspectionResultsResponse> response) {
        InspectionResults.ResultPage page = results.results(
                new InspectionResults.ResultFilter(
                        ProtoTime.instantOrNull(
                                "finalized_from", request.hasFinalizedFrom(), request.getFinalizedFrom()),
                        ProtoTime.instantOrNull(
                                "finalized_until", request.hasFinalizedUntil(), request.getFinalizedUntil()),
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

    private static InspectionLifecycle.Move move(String note, String actor) {
        return new InspectionLifecycle.Move(note, actor);
    }

    @Override
    public void compareInspection(CompareInspectionRequest request, StreamObserver<InspectionComparison> response) {
        reply(response, InspectionMapper.toProto(results.compare(request.getId())));
    }
}
