package org.sqm.gateway.rest.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.longrunning.CancelOperationRequest;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.ListOperationsRequest;
import com.google.longrunning.ListOperationsResponse;
import com.google.longrunning.OperationsGrpc.OperationsBlockingStub;
import com.google.longrunning.WaitOperationRequest;
import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.ClientConfig;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.commons.convert.ProtoTime;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.ScorecardViews.OperationView;

/**
 * The long-running operations of scoring-service (AIP-151: recomputes), read, listed, cancelled and
 * waited on through google.longrunning.Operations. Its proto cannot carry our access option:
 * scoring-service serves it with the rule of those who may start a recompute, which each operation
 * names as {@code x-sqm-access-of}, so that rule is stated and checked here too.
 */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "Long-running operations: a recompute's progress and outcome")
public class OperationResource {

    private static final String SERVICE = ScoringCatalogueResource.SERVICE;

    /** The longest wait one request may ask for; a client waits longer by asking again. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,3})?s?");

    private final OperationsBlockingStub operations;
    private final RemoteCalls calls;
    private final ObjectMapper json;
    private final Duration deadline;

    public OperationResource(
            @GrpcClient("scoring") OperationsBlockingStub operations,
            RemoteCalls calls,
            ObjectMapper json,
            ClientConfig client) {
        this.operations = operations;
        this.calls = calls;
        this.json = json;
        this.deadline = client.deadline();
    }

    @GET
    @Path("/{id: " + Segments.ID + "}")
    @Operation(
            summary = "Read an operation",
            description = "metadata shows the progress; when done, response holds the outcome or error the failure.")
    @APIResponse(
            responseCode = "200",
            description = "The operation",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @Extension(name = "x-sqm-rpc", value = "google.longrunning.Operations/GetOperation")
    @Extension(name = "x-sqm-access-of", value = "sqm.scoring.v1.ScorecardService/RecomputeScorecards")
    public OperationView get(@PathParam("id") String id) {
        GetOperationRequest request =
                GetOperationRequest.newBuilder().setName(name(id)).build();
        return ScorecardMapping.view(calls.read(SERVICE, () -> operations.getOperation(request)), json);
    }

    @GET
    @Operation(summary = "List operations", description = "Every recompute, or those of one period.")
    @Extension(name = "x-sqm-rpc", value = "google.longrunning.Operations/ListOperations")
    @Extension(name = "x-sqm-access-of", value = "sqm.scoring.v1.ScorecardService/RecomputeScorecards")
    public Page<OperationView> list(
            @BeanParam PageRequest page,
            @Parameter(description = "Only recomputes of this period: 2026-03, 2026-Q1 or 2026") @QueryParam("period")
                    String period) {
        String only = Periods.optional("period", period);
        ListOperationsRequest request = ListOperationsRequest.newBuilder()
                .setName("operations")
                .setFilter(only.isEmpty() ? "" : "period=\"" + only + "\"")
                .setPageSize(page.size())
                .setPageToken(page.token())
                .build();
        ListOperationsResponse list = calls.read(SERVICE, () -> operations.listOperations(request));
        return Page.of(list.getOperationsList(), o -> ScorecardMapping.view(o, json), list.getNextPageToken());
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Cancel an operation",
            description = "Asks the run to stop; it ends soon after with error CANCELLED and leaves the previous "
                    + "scorecards as they were. Answers the operation as it is right after the request "
                    + "(metadata.cancelRequested true).")
    @APIResponse(
            responseCode = "200",
            description = "The operation",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @Extension(name = "x-sqm-rpc", value = "google.longrunning.Operations/CancelOperation")
    @Extension(name = "x-sqm-access-of", value = "sqm.scoring.v1.ScorecardService/RecomputeScorecards")
    public OperationView cancel(@PathParam("id") String id) {
        CancelOperationRequest request =
                CancelOperationRequest.newBuilder().setName(name(id)).build();
        calls.write(SERVICE, () -> operations.cancelOperation(request));
        return get(id);
    }

    @POST
    @Path("/{id: " + Segments.ID + "}:wait")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Wait for an operation",
            description = "Answers when the operation is done or the timeout has passed, whichever comes first, with "
                    + "the operation as it is then (done or not: ask again).")
    @APIResponse(
            responseCode = "200",
            description = "The operation",
            content = @Content(schema = @Schema(implementation = OperationView.class)))
    @Extension(name = "x-sqm-rpc", value = "google.longrunning.Operations/WaitOperation")
    @Extension(name = "x-sqm-access-of", value = "sqm.scoring.v1.ScorecardService/RecomputeScorecards")
    public OperationView await(
            @PathParam("id") String id,
            @Parameter(
                            description =
                                    "Seconds to wait at most, e.g. 10s or 2.5 (the s is optional); 0 to 60, default 10")
                    @QueryParam("timeout")
                    String timeout) {
        Duration wait = timeout(timeout);
        WaitOperationRequest request = WaitOperationRequest.newBuilder()
                .setName(name(id))
                .setTimeout(ProtoTime.duration(wait))
                .build();
        // The one call whose deadline is not the usual one: the service may hold it for the whole wait, and
        // then needs the usual time to answer (commons' interceptor keeps a deadline set on the call).
        long millis = wait.plus(deadline).toMillis();
        return ScorecardMapping.view(
                calls.read(SERVICE, () -> operations
                        .withDeadlineAfter(millis, TimeUnit.MILLISECONDS)
                        .waitOperation(request)),
                json);
    }

    private static String name(String id) {
        return ScorecardMapping.OPERATIONS + id;
    }

    private static Duration timeout(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_WAIT;
        }
        if (!SECONDS.matcher(text).matches()) {
            throw new InvalidRequestException("timeout", "must be seconds between 0 and 60, e.g. 10s");
        }
        String number = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
        Duration wait = Duration.ofMillis(Math.round(Double.parseDouble(number) * 1000));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            throw new InvalidRequestException("timeout", "must be seconds between 0 and 60, e.g. 10s");
        }
        return wait;
    }
}
