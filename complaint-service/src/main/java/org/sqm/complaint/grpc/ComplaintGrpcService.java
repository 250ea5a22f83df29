package org.sqm.complaint.grpc;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.complaint.mapping.ComplaintMapper;
import org.sqm.complaint.service.ComplaintService;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;
import org.sqm.proto.complaint.v1.GetComplaintRequest;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;

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
        response.onNext(ComplaintMapper.toProto(
                complaints.create(ComplaintMapper.toNewComplaint(request.getComplaint()), request.getRequestId())));
        response.onCompleted();
    }

    @Override
    public void getComplaint(GetComplaintRequest request, StreamObserver<Complaint> response) {
        response.onNext(ComplaintMapper.toProto(complaints.get(request.getId())));
        response.onCompleted();
    }

    @Override
    public void listComplaints(ListComplaintsRequest request, StreamObserver<ListComplaintsResponse> response) {
        ComplaintService.ComplaintPage page = complaints.list(request.getPageSize(), request.getPageToken());
        response.onNext(ListComplaintsResponse.newBuilder()
                .addAllComplaints(
                        page.complaints().stream().map(ComplaintMapper::toProto).toList())
                .setNextPageToken(page.nextPageToken())
                .build());
        response.onCompleted();
    }
}
