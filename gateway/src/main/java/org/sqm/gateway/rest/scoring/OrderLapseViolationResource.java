package org.sqm.gateway.rest.scoring;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.gateway.rest.http.Times;
import org.sqm.gateway.rest.scoring.ScoringViews.LapsePeriodBody;
import org.sqm.gateway.rest.scoring.ScoringViews.LapseRunView;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsRequest;
import org.sqm.proto.scoring.v1.RecordOrderLapseViolationsResponse;
import org.sqm.proto.scoring.v1.ViolationServiceGrpc.ViolationServiceBlockingStub;

/** Recording a period's order lapses of inspection-service as violations, on demand (a custom method on the ledger). */
@Path("/api/v1/violations:recordOrderLapses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Violations")
public class OrderLapseViolationResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    private final ViolationServiceBlockingStub violations;
    private final RemoteCalls calls;

    public OrderLapseViolationResource(
            @GrpcClient("scoring") ViolationServiceBlockingStub violations, RemoteCalls calls) {
        this.violations = violations;
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record the violations of a period's order lapses",
            description = "Reads the period's order lapses from inspection-service and records one violation per lapse "
                    + "that has none yet; safe to run again (a scheduled job runs it too).")
    @Extension(name = "x-sqm-rpc", value = "sqm.scoring.v1.ViolationService/RecordOrderLapseViolations")
    public LapseRunView recordOrderLapses(LapsePeriodBody body) {
        LapsePeriodBody period = RequestBodies.required(body);
        RecordOrderLapseViolationsRequest request = RecordOrderLapseViolationsRequest.newBuilder()
                .setPeriodStart(Times.timestamp("periodStart", period.periodStart()))
                .setPeriodEnd(Times.timestamp("periodEnd", period.periodEnd()))
                .build();
        RecordOrderLapseViolationsResponse run =
                calls.write(SERVICE, () -> violations.recordOrderLapseViolations(request));
        return new LapseRunView(run.getLapsesRead(), run.getViolationsRecorded(), run.getAlreadyRecorded());
    }
}
