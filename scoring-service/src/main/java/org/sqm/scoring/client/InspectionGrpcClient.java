package org.sqm.scoring.client;

import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.proto.inspection.v1.CreateInspectionRequest;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc.InspectionServiceBlockingStub;
import org.sqm.scoring.service.InspectionRequests;

/**
 * {@link InspectionRequests} over gRPC. A create is a write, made once; it is safe to repeat only
 * because every request carries its request id, so the caller retries (the next evaluation, the next
 * watch) with the same one.
 */
@ApplicationScoped
public class InspectionGrpcClient implements InspectionRequests {

    private final InspectionServiceBlockingStub inspections;
    private final RemoteCalls calls;

    public InspectionGrpcClient(
            @GrpcClient("inspection") InspectionServiceBlockingStub inspections, RemoteCalls calls) {
        this.inspections = inspections;
        this.calls = calls;
    }

    @Override
    public String request(CreateInspectionRequest request) {
        if (request.getRequestId().isEmpty()) {
            throw new IllegalArgumentException("an inspection is requested with a request id");
        }
        return calls.write(InspectionFeedGrpcClient.SERVICE, () -> inspections.createInspection(request))
                .getId();
    }
}
