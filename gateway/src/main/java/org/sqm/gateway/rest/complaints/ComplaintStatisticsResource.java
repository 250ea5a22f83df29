package org.sqm.gateway.rest.complaints;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.complaints.ComplaintViews.StatisticsView;
import org.sqm.gateway.rest.http.QueryParams;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.http.Times;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.GetComplaintStatisticsRequest;

/** Complaint statistics of a unit, served by complaint-service. */
@Path("/api/v1/units/{id: " + Segments.ID + "}/complaintStatistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintStatisticsResource {

    private static final String SERVICE = "complaint-service";

    private final ComplaintServiceBlockingStub complaints;
    private final RemoteCalls calls;

    public ComplaintStatisticsResource(
            @GrpcClient("complaints") ComplaintServiceBlockingStub complaints, RemoteCalls calls) {
        this.complaints = complaints;
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "Complaint statistics of a unit",
            description = "For the complaints received in [from, to), optionally with every unit below.")
    @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/GetComplaintStatistics")
    public StatisticsView statistics(
            @PathParam("id") String unitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("includeDescendants") String includeDescendants) {
        GetComplaintStatisticsRequest request = GetComplaintStatisticsRequest.newBuilder()
                .setUnitId(unitId)
                .setIncludeDescendants(QueryParams.flag("includeDescendants", includeDescendants))
                .setPeriodStart(Times.timestamp("from", from))
                .setPeriodEnd(Times.timestamp("to", to))
                .build();
        return ComplaintMapping.view(calls.read(SERVICE, () -> complaints.getComplaintStatistics(request)));
    }
}
