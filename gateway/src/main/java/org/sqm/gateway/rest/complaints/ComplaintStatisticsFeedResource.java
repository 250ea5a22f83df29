package org.sqm.gateway.rest.complaints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.rest.complaints.ComplaintViews.UnitStatisticsView;
import org.sqm.gateway.rest.http.Times;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;

/**
 * The complaint statistics of every unit of a period, as JSON lines ({@code application/x-ndjson}):
 * complaint-service's statistics stream passed on line by line as it arrives, so neither the gateway
 * nor the client holds a period of 10 000 units at once. The first unit (or the refusal) is awaited
 * before the answer starts, so a bad period is an ordinary 400 problem; a failure after the first
 * line breaks the connection instead of ending the body, so no client takes half a period for all of it.
 */
@Path("/api/v1/complaintStatistics")
@Tag(name = "Complaints")
public class ComplaintStatisticsFeedResource {

    /** JSON lines: one JSON document per line. */
    public static final String NDJSON = "application/x-ndjson";

    private static final Logger LOG = Logger.getLogger(ComplaintStatisticsFeedResource.class);
    private static final String SERVICE = "complaint-service";

    private final ComplaintServiceBlockingStub complaints;
    private final RemoteCalls calls;
    private final ObjectMapper json;

    public ComplaintStatisticsFeedResource(
            @GrpcClient("complaints") ComplaintServiceBlockingStub complaints, RemoteCalls calls, ObjectMapper json) {
        this.complaints = complaints;
        this.calls = calls;
        this.json = json;
    }

    @GET
    @Produces(NDJSON)
    @Operation(
            summary = "Complaint statistics of every unit of a period",
            description = "One JSON document per line, one line per unit with complaints received in "
                    + "[periodStart, periodEnd), ordered by unit id; each the figures of "
                    + "/api/v1/units/{id}/complaintStatistics for that unit alone. The period is at most 400 "
                    + "days and must not start in the future. A complete answer ends with the end of the "
                    + "body; a failure after the first line breaks the connection instead.")
    @APIResponse(
            responseCode = "200",
            description = "One line per unit",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = UnitStatisticsView.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/StreamComplaintStatistics")
    public Response statistics(
            @QueryParam("periodStart") String periodStart, @QueryParam("periodEnd") String periodEnd) {
        StreamComplaintStatisticsRequest request = StreamComplaintStatisticsRequest.newBuilder()
                .setPeriodStart(Times.timestamp("periodStart", periodStart))
                .setPeriodEnd(Times.timestamp("periodEnd", periodEnd))
                .build();
        // The stream's own context: cancelling it ends the backend call when the client goes away.
        Context.CancellableContext call = Context.current().withCancellation();
        Started started;
        try {
            started = calls.read(SERVICE, () -> start(call, request));
        } catch (RuntimeException e) {
            call.cancel(null);
            throw e;
        }
        StreamingOutput body = out -> {
            try {
                if (started.first() != null) {
                    line(out, started.first());
                    // The answer starts now: from here on a failure can only break it off.
                    out.flush();
                }
                while (started.rest().hasNext()) {
                    line(out, started.rest().next());
                }
            } catch (StatusRuntimeException e) {
                LOG.warnf("complaint statistics stream broke off after its first line: %s", e.getStatus());
                throw new IOException("the complaint statistics stream broke off: " + e.getStatus(), e);
            } finally {
                call.cancel(null);
            }
        };
        return Response.ok(body, NDJSON).build();
    }

    /** The backend call started in {@code call}'s context, and its first unit (null: the period has none). */
    private Started start(Context.CancellableContext call, StreamComplaintStatisticsRequest request) {
        Context previous = call.attach();
        try {
            Iterator<UnitComplaintStatistics> units = complaints.streamComplaintStatistics(request);
            return new Started(units.hasNext() ? units.next() : null, units);
        } finally {
            call.detach(previous);
        }
    }

    private void line(OutputStream out, UnitComplaintStatistics unit) throws IOException {
        out.write(json.writeValueAsBytes(ComplaintMapping.view(unit)));
        out.write('\n');
    }

    private record Started(UnitComplaintStatistics first, Iterator<UnitComplaintStatistics> rest) {}
}
