package org.sqm.complaint.grpc;

import static org.sqm.commons.grpc.ProtoTime.instantOrNull;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import java.util.List;
import java.util.Map;
import org.sqm.commons.error.Violations;
import org.sqm.complaint.mapping.ComplaintMapper;
import org.sqm.complaint.service.ComplaintService;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintCategory;
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
import org.sqm.proto.complaint.v1.TransitionComplaintRequest;

/** The gRPC face of {@link ComplaintService}; database work runs on worker threads, never the event loop. */
@GrpcService
@Blocking
public class ComplaintGrpcService extends ComplaintServiceGrpc.ComplaintServiceImplBase {

    private final ComplaintService complaints;

    public ComplaintGrpcService(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Override
    public void createComplaint(CreateComplaintRequest request, StreamObserver<Complaint> response) {
        reply(
                response,
                complaints.create(
                        ComplaintMapper.toNewComplaint(request.getComplaint()),
                        request.getRequestId(),
                        request.getActor()),
                false);
    }

    @Override
    public void getComplaint(GetComplaintRequest request, StreamObserver<Complaint> response) {
        new Violations()
                .check(request.getView() != ComplaintView.UNRECOGNIZED, "view", "is not one of the documented values")
                .throwIfAny();
        reply(response, complaints.get(request.getId()), request.getView() == ComplaintView.COMPLAINT_VIEW_FULL);
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
        ComplaintService.ComplaintPage page = complaints.list(
                new ComplaintService.ListQuery(
                        request.getUnitId(),
                        request.getIncludeDescendants(),
                        ComplaintMapper.toDomain(request.getStatus()),
                        request.getOverdueOnly(),
                        request.getCategory(),
                        ComplaintMapper.toDomain(request.getChannel()),
                        instantOrNull(request.hasReceivedAfter(), request.getReceivedAfter()),
                        instantOrNull(request.hasReceivedBefore(), request.getReceivedBefore())),
                request.getPageSize(),
                request.getPageToken());
        response.onNext(ListComplaintsResponse.newBuilder()
                .addAllComplaints(page.complaints().stream()
                        .map(c -> ComplaintMapper.toProto(c, false, List.of(), Map.of()))
                        .toList())
                .setNextPageToken(page.nextPageToken())
                .build());
        response.onCompleted();
    }

    @Override
    public void transitionComplaint(TransitionComplaintRequest request, StreamObserver<Complaint> response) {
        var moved = complaints.transition(
                request.getId(),
                request.getEtag(),
                ComplaintMapper.toDomain(request.getAction()),
                request.getNote(),
                request.getActor(),
                request.getRootCause(),
                request.getRemedy());
        reply(response, complaints.get(moved.id.toString()), false);
    }

    @Override
    public void escalateComplaint(EscalateComplaintRequest request, StreamObserver<Complaint> response) {
        var escalated = complaints.escalate(request.getId(), request.getEtag(), request.getNote(), request.getActor());
        reply(response, complaints.get(escalated.id.toString()), false);
    }

    @Override
    public void recordSatisfaction(RecordSatisfactionRequest request, StreamObserver<Complaint> response) {
        var c = complaints.recordSatisfaction(
                request.getId(), request.getEtag(), request.getScore(), request.getNote(), request.getActor());
        reply(response, complaints.get(c.id.toString()), false);
    }

    @Override
    public void recordCallBack(RecordCallBackRequest request, StreamObserver<Complaint> response) {
        var c = complaints.recordCallBack(request.getId(), request.getEtag(), request.getOutcome(), request.getActor());
        reply(response, complaints.get(c.id.toString()), false);
    }

    @Override
    public void getComplaintStatistics(
            GetComplaintStatisticsRequest request, StreamObserver<ComplaintStatistics> response) {
        var s = complaints.statistics(
                request.getUnitId(),
                request.getIncludeDescendants(),
                instantOrNull(request.hasPeriodStart(), request.getPeriodStart()),
                instantOrNull(request.hasPeriodEnd(), request.getPeriodEnd()));
        response.onNext(ComplaintStatistics.newBuilder()
                .setReceived(s.received())
                .setResolved(s.resolved())
                .setResolvedWithinDeadline(s.resolvedWithinDeadline())
                .setShareResolvedWithinDeadline(share(s.resolvedWithinDeadline(), s.resolved()))
                .setMedianResolutionTime(seconds(s.medianSeconds()))
                .setP90ResolutionTime(seconds(s.p90Seconds()))
                .setSatisfactionResponses(s.satisfactionResponses())
                .setMeanSatisfaction(s.meanSatisfaction() == null ? 0 : s.meanSatisfaction())
                .setReopened(s.reopened())
                .setReopenRate(share(s.reopened(), s.resolved()))
                .setEscalated(s.escalated())
                .setCallBacksRequired(s.callBacksRequired())
                .setCallBacksDone(s.callBacksDone())
                .setCallBackCoverage(share(s.callBacksDone(), s.callBacksRequired()))
                .build());
        response.onCompleted();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static com.google.protobuf.Duration seconds(Double seconds) {
        if (seconds == null) {
            return com.google.protobuf.Duration.getDefaultInstance();
        }
        long whole = (long) Math.floor(seconds);
        return com.google.protobuf.Duration.newBuilder()
                .setSeconds(whole)
                .setNanos((int) Math.round((seconds - whole) * 1e9) % 1_000_000_000)
                .build();
    }

    @Override
    public void listComplaintCategories(
            ListComplaintCategoriesRequest request, StreamObserver<ListComplaintCategoriesResponse> response) {
        response.onNext(ListComplaintCategoriesResponse.newBuilder()
                .addAllCategories(complaints.categories().stream()
                        .map(c -> ComplaintCategory.newBuilder()
                                .setCode(c.code)
                                .setName(c.name)
                                .build())
                        .toList())
                .build());
        response.onCompleted();
    }

    private static void reply(
            StreamObserver<Complaint> response, ComplaintService.ComplaintDetail detail, boolean full) {
        response.onNext(ComplaintMapper.toProto(detail.complaint(), full, detail.history(), detail.used()));
        response.onCompleted();
    }
}
