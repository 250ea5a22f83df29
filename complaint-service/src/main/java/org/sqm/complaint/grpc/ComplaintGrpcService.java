package org.sqm.complaint.grpc;

import static org.sqm.commons.convert.ProtoTime.instantOrNull;
import static org.sqm.commons.grpc.Replies.reply;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sqm.commons.auth.Actors;
import org.sqm.commons.convert.ProtoEnums;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.Violations;
import org.sqm.commons.grpc.GrpcErrorMapper;
import org.sqm.commons.paging.PageTokens;
import org.sqm.complaint.domain.ComplaintAction;
import org.sqm.complaint.mapping.ComplaintMapper;
import org.sqm.complaint.service.ComplaintBatchIntake;
import org.sqm.complaint.service.ComplaintDetail;
import org.sqm.complaint.service.ComplaintFeedback;
import org.sqm.complaint.service.ComplaintIntake;
import org.sqm.complaint.service.ComplaintLifecycle;
import org.sqm.complaint.service.ComplaintQueries;
import org.sqm.complaint.service.ComplaintScope;
import org.sqm.proto.common.v1.CustomerSegment;
import org.sqm.proto.complaint.v1.AcknowledgeComplaintRequest;
import org.sqm.proto.complaint.v1.BatchCreateComplaintResult;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsRequest;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsResponse;
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
    private final ComplaintBatchIntake batchIntake;
    private final GrpcErrorMapper errors;

    public ComplaintGrpcService(
            ComplaintIntake intake,
            ComplaintLifecycle lifecycle,
            ComplaintFeedback feedback,
            ComplaintQueries queries,
            ComplaintBatchIntake batchIntake,
            GrpcErrorMapper errors) {
        this.batchIntake = batchIntake;
        this.errors = errors;
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
    public void batchCreateComplaints(
            BatchCreateComplaintsRequest request, StreamObserver<BatchCreateComplaintsResponse> response) {
        ComplaintBatchIntake.requireSize(request.getRequestsCount());
        List<ComplaintBatchIntake.Item> items = new ArrayList<>(request.getRequestsCount());
        Set<Integer> refused = new HashSet<>();
        for (int i = 0; i < request.getRequestsCount(); i++) {
            CreateComplaintRequest r = request.getRequests(i);
            if (r.getComplaint().getCustomerSegment() == CustomerSegment.UNRECOGNIZED) {
                refused.add(i);
            }
            items.add(new ComplaintBatchIntake.Item(
                    ComplaintMapper.toNewComplaint(r.getComplaint()), r.getRequestId(), Actors.of(r.getActor())));
        }
        // An unknown segment is refused per item, as CreateComplaint refuses it; the others go ahead.
        List<ComplaintBatchIntake.Item> accepted = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!refused.contains(i)) {
                accepted.add(items.get(i));
            }
        }
        List<ComplaintBatchIntake.Outcome> outcomes = accepted.isEmpty() ? List.of() : batchIntake.create(accepted);
        BatchCreateComplaintsResponse.Builder answer = BatchCreateComplaintsResponse.newBuilder();
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
            BatchCreateComplaintResult.Builder result = BatchCreateComplaintResult.newBuilder();
            if (refused.contains(i)) {
                result.setError(itemError(
                        i,
                        new InvalidArgumentException(
                                "complaint.customer_segment", "is not one of the documented values")));
            } else {
                ComplaintBatchIntake.Outcome outcome = outcomes.get(next++);
                if (outcome.error() != null) {
                    result.setError(itemError(i, outcome.error()));
                } else {
                    result.setComplaint(ComplaintMapper.toProto(outcome.detail(), false));
                }
            }
            answer.addResults(result);
        }
        reply(response, answer.build());
    }

    /** An item's error as CreateComplaint would fail with it, its field paths naming the item. */
    private com.google.rpc.Status itemError(int index, RuntimeException error) {
        com.google.rpc.Status status = StatusProto.fromThrowable(errors.toStatusException(error));
        if (status == null) {
            return com.google.rpc.Status.newBuilder()
                    .setCode(com.google.rpc.Code.INTERNAL_VALUE)
                    .setMessage("internal error")
                    .build();
        }
        String prefix = "requests[" + index + "].";
        com.google.rpc.Status.Builder prefixed = status.toBuilder().clearDetails();
        for (Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    BadRequest.Builder bad = detail.unpack(BadRequest.class).toBuilder();
                    bad.getFieldViolationsBuilderList().forEach(v -> v.setField(prefix + v.getField()));
                    prefixed.addDetails(Any.pack(bad.build()));
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException("a BadRequest this service packed unpacks", e);
                }
            } else {
                prefixed.addDetails(detail);
            }
        }
        return prefixed.build();
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
