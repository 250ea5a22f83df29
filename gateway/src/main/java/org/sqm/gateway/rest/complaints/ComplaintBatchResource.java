package org.sqm.gateway.rest.complaints;

import static org.sqm.commons.convert.Texts.nullToEmpty;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.ClientConfig;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.error.ProblemMapper;
import org.sqm.gateway.rest.complaints.ComplaintViews.BatchBody;
import org.sqm.gateway.rest.complaints.ComplaintViews.BatchItem;
import org.sqm.gateway.rest.complaints.ComplaintViews.BatchResultView;
import org.sqm.gateway.rest.complaints.ComplaintViews.BatchView;
import org.sqm.gateway.rest.http.RequestBodies;
import org.sqm.proto.complaint.v1.BatchCreateComplaintResult;
import org.sqm.proto.complaint.v1.BatchCreateComplaintsRequest;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc.ComplaintServiceBlockingStub;
import org.sqm.proto.complaint.v1.CreateComplaintRequest;

/** Bulk intake: many complaints in one call (a custom method on the collection, AIP-233). */
@Path("/api/v1/complaints:batchCreate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintBatchResource {

    private static final String SERVICE = "complaint-service";

    /** The most complaints one batchCreate may carry, as BatchCreateComplaints takes them. */
    static final int MAX_ITEMS = 1000;

    private final ComplaintServiceBlockingStub complaints;
    private final RemoteCalls calls;
    private final Duration bulkDeadline;

    public ComplaintBatchResource(
            @GrpcClient("complaints") ComplaintServiceBlockingStub complaints, RemoteCalls calls, ClientConfig client) {
        this.complaints = complaints;
        this.calls = calls;
        this.bulkDeadline = client.bulkDeadline();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record up to 1000 complaints at once",
            description = "Each item is checked, deadlined and recorded exactly as a single create, and answered in "
                    + "its place with its complaint or its own problem (field paths start with requests[i].): one "
                    + "bad item does not sink the others. An item's requestId makes it safe to retry the whole "
                    + "batch: recorded items return their first complaint, the others are recorded now. The same "
                    + "requestId twice in one batch is one complaint (a different complaint under it: that item "
                    + "is 409 REQUEST_ID_REUSED). No items, more than 1000 or a body that does not parse (an "
                    + "unknown channel name, say) is refused whole with 400.")
    @APIResponse(
            responseCode = "200",
            description = "One result per item, in request order",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @APIResponse(
            responseCode = "400",
            description = "No items, more than 1000, or a body that does not parse",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.complaint.v1.ComplaintService/BatchCreateComplaints")
    public BatchView batchCreate(BatchBody body, UriInfo uri) {
        List<BatchItem> items = RequestBodies.required(body).requests() == null ? List.of() : body.requests();
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidRequestException(
                    "requests",
                    items.isEmpty()
                            ? "needs at least one complaint"
                            : "holds at most " + MAX_ITEMS + " complaints (this one holds " + items.size()
                                    + "): split it into several calls");
        }
        String instance = uri.getPath();
        // Items the gateway cannot translate (no complaint, a time that is no time) are refused in their place.
        Problem[] refused = new Problem[items.size()];
        BatchCreateComplaintsRequest.Builder request = BatchCreateComplaintsRequest.newBuilder();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            String prefix = "requests[" + i + "].";
            try {
                if (item == null || item.complaint() == null) {
                    throw new InvalidRequestException("complaint", "is required");
                }
                request.addRequests(CreateComplaintRequest.newBuilder()
                        .setComplaint(ComplaintMapping.complaint(item.complaint()))
                        .setRequestId(nullToEmpty(item.requestId())));
            } catch (InvalidRequestException e) {
                refused[i] = ProblemMapper.problem(
                        400,
                        "INVALID_FIELDS",
                        e.errors().stream()
                                .map(f -> prefix + "complaint." + f.field() + ": " + f.message())
                                .collect(Collectors.joining("; ")),
                        instance,
                        e.errors().stream()
                                .map(f -> new Problem.FieldError(prefix + "complaint." + f.field(), f.message()))
                                .toList());
            }
        }
        List<BatchCreateComplaintResult> results = request.getRequestsCount() == 0
                ? List.of()
                // A bulk call: up to 1000 complaints in one transaction, with the bulk deadline.
                : calls.write(SERVICE, () -> complaints
                                .withDeadlineAfter(bulkDeadline.toMillis(), TimeUnit.MILLISECONDS)
                                .batchCreateComplaints(request.build()))
                        .getResultsList();
        List<BatchResultView> answer = new ArrayList<>(items.size());
        int next = 0;
        for (int i = 0; i < items.size(); i++) {
            if (refused[i] != null) {
                answer.add(new BatchResultView(null, refused[i]));
                continue;
            }
            BatchCreateComplaintResult result = results.get(next);
            answer.add(
                    result.hasComplaint()
                            ? new BatchResultView(ComplaintMapping.view(result.getComplaint()), null)
                            : new BatchResultView(
                                    null, ProblemMapper.itemProblem(renumbered(result.getError(), next, i), instance)));
            next++;
        }
        return new BatchView(answer);
    }

    /**
     * The service numbers the items it received; where the gateway refused some itself, the service's
     * {@code requests[j].} is the body's {@code requests[i].}.
     */
    private static com.google.rpc.Status renumbered(com.google.rpc.Status error, int sent, int body) {
        if (sent == body) {
            return error;
        }
        com.google.rpc.Status.Builder status = error.toBuilder().clearDetails();
        for (Any detail : error.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    BadRequest.Builder bad = detail.unpack(BadRequest.class).toBuilder();
                    bad.getFieldViolationsBuilderList()
                            .forEach(v -> v.setField(
                                    v.getField().replace("requests[" + sent + "]", "requests[" + body + "]")));
                    status.addDetails(Any.pack(bad.build()));
                } catch (InvalidProtocolBufferException e) {
                    status.addDetails(detail);
                }
            } else {
                status.addDetails(detail);
            }
        }
        return status.build();
    }
}
