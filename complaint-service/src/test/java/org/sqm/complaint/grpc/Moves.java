package org.sqm.complaint.grpc;

import org.sqm.proto.complaint.v1.AcknowledgeComplaintRequest;
import org.sqm.proto.complaint.v1.CloseComplaintRequest;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.ReopenComplaintRequest;
import org.sqm.proto.complaint.v1.ResolveComplaintRequest;
import org.sqm.proto.complaint.v1.ResumeComplaintRequest;
import org.sqm.proto.complaint.v1.StartComplaintInvestigationRequest;
import org.sqm.proto.complaint.v1.WaitOnCustomerRequest;
import org.sqm.proto.complaint.v1.WithdrawComplaintRequest;

/** The lifecycle moves the tests make, each through its own RPC. */
enum Moves {
    ACKNOWLEDGE,
    START_INVESTIGATION,
    WAIT_ON_CUSTOMER,
    RESUME,
    RESOLVE,
    CLOSE,
    REOPEN,
    WITHDRAW;

    /** Makes the move on the complaint as last read, as {@code actor}; a resolution gets a cause and a remedy. */
    Complaint on(ComplaintServiceBlockingStub stub, Complaint c, String actor) {
        String id = c.getId();
        String etag = c.getEtag();
        return switch (this) {
            case ACKNOWLEDGE -> stub.acknowledgeComplaint(AcknowledgeComplaintRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .build());
            case START_INVESTIGATION -> stub.startComplaintInvestigation(StartComplaintInvestigationRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .build());
            case WAIT_ON_CUSTOMER -> stub.waitOnCustomer(WaitOnCustomerRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .build());
            case RESUME -> stub.resumeComplaint(ResumeComplaintRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .build());
            case RESOLVE -> stub.resolveComplaint(ResolveComplaintRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .setRootCause("STAFF_ROTA")
                    .setRemedy("Rota corrected; apology sent")
                    .build());
            case CLOSE -> stub.closeComplaint(CloseComplaintRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .build());
            case REOPEN -> stub.reopenComplaint(ReopenComplaintRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .build());
            case WITHDRAW -> stub.withdrawComplaint(WithdrawComplaintRequest.newBuilder()
                    .setId(id)
                    .setEtag(etag)
                    .setActor(actor)
                    .build());
        };
    }
}
