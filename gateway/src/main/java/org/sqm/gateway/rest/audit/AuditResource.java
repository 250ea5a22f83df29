package org.sqm.gateway.rest.audit;

import io.quarkus.grpc.GrpcClient;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.rest.http.Page;
import org.sqm.gateway.rest.http.PageRequest;
import org.sqm.gateway.rest.http.Times;
import org.sqm.proto.common.v1.AuditEvent;
import org.sqm.proto.common.v1.AuditServiceGrpc.AuditServiceBlockingStub;
import org.sqm.proto.common.v1.ListAuditEventsRequest;
import org.sqm.proto.common.v1.ListAuditEventsResponse;

/**
 * The audit trail of one resource, read from the service that owns it: each service records every
 * change its database takes and serves its own trail ({@code sqm.common.v1.AuditService}); the gateway
 * routes by the resource's collection.
 */
@Path("/api/v1/auditEvents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, by which request: append-only, per resource")
public class AuditResource {

    /** The service that owns each collection, as the REST API names the collections. */
    static final Map<String, String> OWNERS = owners();

    private final Map<String, AuditServiceBlockingStub> trails;
    private final RemoteCalls calls;

    public AuditResource(
            @GrpcClient("standards") AuditServiceBlockingStub standards,
            @GrpcClient("inspection") AuditServiceBlockingStub inspection,
            @GrpcClient("complaints") AuditServiceBlockingStub complaints,
            @GrpcClient("scoring") AuditServiceBlockingStub scoring,
            RemoteCalls calls) {
        this.trails = Map.of(
                "standards-service", standards,
                "inspection-service", inspection,
                "complaint-service", complaints,
                "scoring-service", scoring);
        this.calls = calls;
    }

    @GET
    @Operation(
            summary = "Read the audit trail of a resource",
            description = "Every change of the resource and its parts (an inspection's ratings, a standard's "
                    + "criteria), oldest first: when, who (the subject of the caller's token, or service:<name> "
                    + "for a service's own jobs), the action (the RPC or the job), the request id (X-Request-Id), "
                    + "the table row and the fields that changed, before and after; personal data is redacted. "
                    + "The trail is append-only: the databases refuse to change or delete it.")
    @Extension(name = "x-sqm-rpc", value = "sqm.common.v1.AuditService/ListAuditEvents")
    public Page<AuditEventView> list(
            @Parameter(
                            description = "The resource as the API names it: complaints/{id}, inspections/{id}, "
                                    + "units/{id}, standards/{id}, scorecards/{id} ...",
                            required = true)
                    @QueryParam("resource")
                    String resource,
            @BeanParam PageRequest page) {
        String service = owner(resource)
                .orElseThrow(() -> new InvalidRequestException(
                        "resource",
                        "must be <collection>/<id> of a collection with a trail: "
                                + String.join(
                                        ", ", OWNERS.keySet().stream().sorted().toList())));
        ListAuditEventsRequest request = ListAuditEventsRequest.newBuilder()
                .setResource(resource)
                .setPageSize(page.size())
                .setPageToken(page.token())
                .build();
        ListAuditEventsResponse list =
                calls.read(service, () -> trails.get(service).listAuditEvents(request));
        return Page.of(list.getEventsList(), AuditResource::view, list.getNextPageToken());
    }

    /** The service that owns a resource named {@code <collection>/<id>}, if the collection is known. */
    static Optional<String> owner(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        int slash = resource.indexOf('/');
        if (slash <= 0 || slash == resource.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(OWNERS.get(resource.substring(0, slash)));
    }

    private static AuditEventView view(AuditEvent e) {
        return new AuditEventView(
                e.getSequence(),
                Times.text(e.getTime()),
                e.getActor(),
                e.getAction(),
                e.getRequestId(),
                e.getResource(),
                e.getRecord(),
                e.getOperation(),
                e.getChangesList().stream()
                        .map(c -> new AuditEventView.FieldChangeView(
                                c.getField(), c.getBefore(), c.getAfter(), c.getRedacted()))
                        .toList());
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new java.util.HashMap<>();
        Set.of("units", "calendars", "standards").forEach(c -> owners.put(c, "standards-service"));
        Set.of("inspections", "inspectors", "inspectionPlans", "rectificationOrders", "supervisionOrders")
                .forEach(c -> owners.put(c, "inspection-service"));
        owners.put("complaints", "complaint-service");
        Set.of(
                        "scoringModels",
                        "indicators",
                        "deductionRules",
                        "accreditationRules",
                        "accreditationDecisions",
                        "certifications",
                        "violations",
                        "surveyBatches",
                        "measurementBatches",
                        "customersServedBatches",
                        "scorecards",
                        "publishedPerformance",
                        "spotChecks",
                        "operations")
                .forEach(c -> owners.put(c, "scoring-service"));
        return Map.copyOf(owners);
    }
}
