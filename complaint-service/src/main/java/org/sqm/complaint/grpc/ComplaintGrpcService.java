package org.sqm.complaint.grpc;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.auth.Actors;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.Violations;
import org.sqm.commons.paging.PageTokens;
import org.sqm.complaint.domain.ComplaintAction;
import org.sqm.complaint.mapping.ComplaintMapper;
import org.sqm.complaint.service.ComplaintDetail;
import org.sqm.complaint.service.ComplaintFeedback;
import org.sqm.complaint.service.ComplaintIntake;
import org.sqm.complaint.service.ComplaintLifecycle;
import org.sqm.complaint.service.ComplaintQueries;
import org.sqm.complaint.service.ComplaintScope;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.complaint.v1.AcknowledgeComplaintRequest;
import org.sqm.proto.complaint.v1.CloseComplaintRequest;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintChannel;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.ComplaintStatistics;
import org.sqm.proto.complaint.v1.ComplaintStatus;
import org.sqm.proto.complaint.v1.ComplaintView;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.EscalateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.ListComplaintCategoriesRequest;
import org.sqm.proto.complaint.v1.ListComplaintCategoriesResponse;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.proto.complaint.v1.RecordCallBackRequest;
import org.sqm.proto.complaint.v1.RecordSatisfactionRequest;
import org.sqm.proto.complaint.v1.ReopenComplaintRequest;
import org.sqm.proto.complaint.v1.ResolveComplaintRequest;
import org.sqm.proto.complaint.v1.ResumeComplaintRequest;
import org.sqm.proto.complaint.v1.StartComplaintInvestigationRequest;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.proto.complaint.v1.WaitOnCustomerRequest;
import org.sqm.proto.complaint.v1.WithdrawComplaintRequest;

/** The gRPC face of complaint handling; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class ComplaintGrpcService extends ComplaintServiceGrpc.ComplaintServiceImplBase {

    private final ComplaintIntake intake;
    private final ComplaintLifecycle lifecycle;
    private final ComplaintFeedback feedback;
    private final ComplaintQueries queries;

    public ComplaintGrpcService(
            ComplaintIntake intake,
            ComplaintLifecycle lifecycle,
            ComplaintFeedback feedback,
            ComplaintQueries queries) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.feedback = feedback;
        this.queries = queries;
    }

    @Override
    public void createComplaint(CreateComplaintRequest request, StreamObserver<Complaint> response) {
        new Violations()
                .check(
                        request.getComplaint().getCustomerSegment() != CustomerSegment.UNRECOGNIZED,
                        "complaint.customer_segment",
                        "is not one of the documented values")
                .throwIfAny();
        answer(
                response,
                intake.create(
                        ComplaintMapper.toNewComplaint(request.getComplaint()),
                        request.getRequestId(),
                        Actors.of(request.getActor())));
    }

    @Override
    public void getComplaint(GetComplaintRequest request, StreamObserver<Complaint> response) {
        new Violations()
                .check(request.getView() != ComplaintView.UNRECOGNIZED, "view", "is not one of the documented values")
                .throwIfAny();
        // The complainant only for those who may see personal data; anyone else gets the basic view.
        reply(
                response,
                ComplaintMapper.toProto(
                        queries.get(request.getId()),
                        request.getView() == ComplaintView.COMPLAINT_VIEW_FULL && ComplaintScope.seesPersonalData()));
    }

    @Override
    public void listComplaints(ListComplaintsRequest request, StreamObserver<ListComplaintsResponse> response) {
        new Violations()
                .check(
                        request.getStatus() != ComplaintStatus.UNRECOGNIZED,
                        "status",
                        "is not one of the documented values")
                .check(
                        request.getChannel() != ComplaintChannel.UNRECOGNIZED,
                        "channel",
                        "is not one of the documented values")
                .throwIfAny();
        PageTokens.Page<org.sqm.complaint.domain.ComplaintEntity> page = queries.list(
                new ComplaintQueries.ListQuery(
                        request.getUnitId(),
                        request.getIncludeDescendants(),
                        ProtoEnums.toDomain(request.getStatus(), org.sqm.complaint.domain.ComplaintStatus.class),
                        request.getOverdueOnly(),
                        request.getCategory(),
                        ProtoEnums.toDomain(request.getChannel(), org.sqm.complaint.domain.ComplaintChannel.class),
                        instantOrNull(request.hasReceivedAfter(), request.getReceivedAfter()),
                        instantOrNull(request.hasReceivedBefore(), request.getReceivedBefore()),
                        request.getOpenOnly()),
                request.getPageSize(),
                request.getPageToken());
        reply(
                response,
                ListComplaintsResponse.newBuilder()
                        .addAllComplaints(page.items().stream()
                                .map(ComplaintMapper::toListItem)
                                .toList())
                        .setNextPageToken(page.nextPageToken())
                        .build());
    }

    @Override
    public void acknowledgeComplaint(AcknowledgeComplaintRequest r, StreamObserver<Complaint> response) {
        move(response, r.getId(), r.getEtag(), ComplaintAction.ACKNOWLEDGE, r.getNote(), Actors.of(r.getActor()));
    }

    @Override
    public void startComplaintInvestigation(StartComplaintInvestigationRequest r, StreamObserver<Complaint> response) {
        move(
                response,
                r.getId(),
                r.getEtag(),
                ComplaintAction.START_INVESTIGATION,
                r.getNote(),
                Actors.of(r.getActor()));
    }

    @Override
    public void waitOnCustomer(WaitOnCustomerRequest r, StreamObserver<Complaint> response) {
        move(response, r.getId(), r.getEtag(), ComplaintAction.WAIT_ON_CUSTOMER, r.getNote(), Actors.of(r.getActor()));
    }

    @Override
    public void resumeComplaint(ResumeComplaintRequest r, StreamObserver<Complaint> response) {
        move(response, r.getId(), r.getEtag(), ComplaintAction.RESUME, r.getNote(), Actors.of(r.getActor()));
    }

    @Override
    public void resolveComplaint(ResolveComplaintRequest r, StreamObserver<Complaint> response) {
        answer(
                response,
                lifecycle.move(
                        r.getId(),
                        r.getEtag(),
                        new ComplaintLifecycle.Move(
                                ComplaintAction.RESOLVE,
                                r.getNote(),
                                Actors.of(r.getActor()),
                                r.getRootCause(),
                                r.getRemedy(),
                                r.getResolvedAtFirstContact())));
    }

    @Override
    public void closeComplaint(CloseComplaintRequest r, StreamObserver<Complaint> response) {
        move(response, r.getId(), r.getEtag(), ComplaintAction.CLOSE, r.getNote(), Actors.of(r.getActor()));
    }

    @Override
    public void reopenComplaint(ReopenComplaintRequest r, StreamObserver<Complaint> response) {
        move(response, r.getId(), r.getEtag(), ComplaintAction.REOPEN, r.getNote(), Actors.of(r.getActor()));
    }

    @Override
    public void withdrawComplaint(WithdrawComplaintRequest r, StreamObserver<Complaint> response) {
        move(response, r.getId(), r.getEtag(), ComplaintAction.WITHDRAW, r.getNote(), Actors.of(r.getActor()));
    }

    @Override
    public void escalateComplaint(EscalateComplaintRequest r, StreamObserver<Complaint> response) {
        answer(response, lifecycle.escalate(r.getId(), r.getEtag(), r.getNote(), Actors.of(r.getActor())));
    }

    @Override
    public void recordSatisfaction(RecordSatisfactionRequest r, StreamObserver<Complaint> response) {
        answer(
                response,
                feedback.recordSatisfaction(
                        r.getId(), r.getEtag(), r.getScore(), r.getNote(), Actors.of(r.getActor())));
    }

    @Override
    public void recordCallBack(RecordCallBackRequest r, StreamObserver<Complaint> response) {
        answer(response, feedback.recordCallBack(r.getId(), r.getEtag(), r.getOutcome(), Actors.of(r.getActor())));
    }

    @Override
    public void getComplaintStatistics(
            GetComplaintStatisticsRequest request, StreamObserver<ComplaintStatistics> response) {
        reply(
                response,
                ComplaintMapper.toProto(queries.statistics(
                        request.getUnitId(),
                        request.getIncludeDescendants(),
                        instantOrNull("period_start", request.hasPeriodStart(), request.getPeriodStart()),
                        instantOrNull("period_end", request.hasPeriodEnd(), request.getPeriodEnd()))));
    }

    @Override
    public void streamComplaintStatistics(
            StreamComplaintStatisticsRequest request, StreamObserver<UnitComplaintStatistics> response) {
        PacedStream<UnitComplaintStatistics> stream = new PacedStream<>(response);
        queries.everyUnitStatistics(
                instantOrNull("period_start", request.hasPeriodStart(), request.getPeriodStart()),
                instantOrNull("period_end", request.hasPeriodEnd(), request.getPeriodEnd()),
                unit -> stream.send(UnitComplaintStatistics.newBuilder()
                        .setUnitId(unit.unitId().toString())
                        .setStatistics(ComplaintMapper.toProto(unit.statistics()))
                        .build()));
        stream.complete();
    }

    @Override
    public void listComplaintCategories(
            ListComplaintCategoriesRequest request, StreamObserver<ListComplaintCategoriesResponse> response) {
        reply(
                response,
                ListComplaintCategoriesResponse.newBuilder()
                        .addAllCategories(queries.categories().stream()
                                .map(ComplaintMapper::toProto)
                                .toList())
                        .build());
    }

    private void move(
            StreamObserver<Complaint> response,
            String id,
            String etag,
            ComplaintAction action,
            String note,
            String actor) {
        answer(response, lifecycle.move(id, etag, ComplaintLifecycle.Move.of(action, note, actor)));
    }

    /** A write's answer: the basic view of what it wrote, never the complainant (for anyone). */
    private static void answer(StreamObserver<Complaint> response, ComplaintDetail written) {
        reply(response, ComplaintMapper.toProto(written, false));
    }
}
