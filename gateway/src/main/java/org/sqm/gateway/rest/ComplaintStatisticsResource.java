package org.sqm.gateway.rest;

import static org.sqm.gateway.rest.Paging.flag;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.gateway.grpc.BackendCalls;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.GetComplaintStatisticsRequest;

/** Complaint statistics of a unit, served by complaint-service. */
@Path("/api/v1/units/{id: [^/:]+}/complaintStatistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintStatisticsResource {

    private final ComplaintServiceBlockingStub complaints;
    private final BackendCalls calls;

    public ComplaintStatisticsResource(
            @GrpcClient("complaints") ComplaintServiceBlockingStub complaints, BackendCalls calls) {
        this.complaints = complaints;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "Complaint statistics of a unit",
            description = "For the complaints received in [from, to), optionally with every unit below.")
    public ComplaintViews.StatisticsView statistics(
            @PathParam("id") String unitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("includeDescendants") String includeDescendants) {
        var s = calls.read(() -> complaints.getComplaintStatistics(GetComplaintStatisticsRequest.newBuilder()
                .setUnitId(unitId)
                .setIncludeDescendants(flag("includeDescendants", includeDescendants))
                .setPeriodStart(Times.timestamp("from", from))
                .setPeriodEnd(Times.timestamp("to", to))
                .build()));
        return new ComplaintViews.StatisticsView(
                s.getReceived(),
                s.getResolved(),
                s.getResolvedWithinDeadline(),
                s.getShareResolvedWithinDeadline(),
                Times.toRest(s.getMedianResolutionTime()),
                Times.toRest(s.getP90ResolutionTime()),
                s.getSatisfactionResponses(),
                s.getMeanSatisfaction(),
                s.getReopened(),
                s.getReopenRate(),
                s.getEscalated(),
                s.getCallBacksRequired(),
                s.getCallBacksDone(),
                s.getCallBackCoverage());
    }
}
