package org.sqm.complaint.grpc;

import static org.sqm.commons.grpc.Replies.reply;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import org.sqm.commons.audit.AuditEvents;
import org.sqm.proto.common.v1.AuditServiceGrpc;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.ListAuditEventsResponse;

/** The audit trail of complaint-service's resources (complaints/{id}), for administrators and quality managers. */
@GrpcService
@Blocking
public class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {

    private final AuditEvents events;

    public AuditGrpcService(AuditEvents events) {
        this.events = events;
    }

    @Override
    public void listAuditEvents(ListAuditEventsRequest request, StreamObserver<ListAuditEventsResponse> response) {
        reply(response, events.list(request));
    }
}
