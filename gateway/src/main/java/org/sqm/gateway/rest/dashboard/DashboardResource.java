package org.sqm.gateway.rest.dashboard;

import io.grpc.Channel;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sqm.commons.auth.OutgoingToken;
import org.sqm.commons.auth.RequestIds;
import org.sqm.commons.auth.Roles;
import org.sqm.commons.client.ClientConfig;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.client.RemoteCalls;
import org.sqm.gateway.error.InvalidRequestException;
import org.sqm.gateway.error.Problem;
import org.sqm.gateway.error.ProblemMapper;
import org.sqm.gateway.rest.dashboard.DashboardViews.DashboardWarning;
import org.sqm.gateway.rest.dashboard.DashboardViews.UnitDashboard;
import org.sqm.gateway.rest.http.Segments;
import org.sqm.gateway.rest.scoring.ScorecardMapping;
import org.sqm.gateway.rest.standards.UnitMapping;
import org.sqm.proto.common.v1.Access;
import org.sqm.proto.common.v1.Role;
import org.sqm.proto.complaint.v1.Complaint;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.ListComplaintsRequest;
import org.sqm.proto.complaint.v1.ListComplaintsResponse;
import org.sqm.proto.inspection.v1.Inspection;
import org.sqm.proto.inspection.v1.InspectionServiceGrpc;
import org.sqm.proto.inspection.v1.ListInspectionsRequest;
import org.sqm.proto.inspection.v1.ListInspectionsResponse;
import org.sqm.proto.inspection.v1.ListRectificationOrdersRequest;
import org.sqm.proto.inspection.v1.ListRectificationOrdersResponse;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersRequest;
import org.sqm.proto.inspection.v1.ListSupervisionOrdersResponse;
import org.sqm.proto.inspection.v1.RectificationOrder;
import org.sqm.proto.inspection.v1.RectificationServiceGrpc;
import org.sqm.proto.inspection.v1.SupervisionOrder;
import org.sqm.proto.inspection.v1.SupervisionServiceGrpc;
import org.sqm.proto.scoring.v1.AccreditationDecision;
import org.sqm.proto.scoring.v1.AccreditationServiceGrpc;
import org.sqm.proto.scoring.v1.Certification;
import org.sqm.proto.scoring.v1.CertificationServiceGrpc;
import org.sqm.proto.scoring.v1.GetScoreTrendRequest;
import org.sqm.proto.scoring.v1.ListAccreditationDecisionsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsRequest;
import org.sqm.proto.scoring.v1.ListCertificationsResponse;
import org.sqm.proto.scoring.v1.ScoreTrend;
import org.sqm.proto.scoring.v1.Scorecard;
import org.sqm.proto.scoring.v1.ScorecardServiceGrpc;
import org.sqm.proto.standards.v1.GetUnitPathRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;

/**
 * A unit's dashboard: the unit, its scores, complaints, inspections, orders and accreditation in one
 * answer. Every part's calls start at once — eight, none waiting for another: the open items of each kind
 * in one list call (open_only), the scorecard in the trend's answer, the unit as its path's last — each part
 * under the same deadline;
 * a part that fails is left out with a warning, never failing the whole answer, so it comes within the
 * part deadline even when a service is down or hangs.
 */
@Path("/api/v1/units/{id: " + Segments.ID + "}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Units")
public class DashboardResource {

    private static final String STANDARDS = "standards-service";
    private static final String INSPECTION = "inspection-service";
    private static final String COMPLAINTS = "complaint-service";
    private static final String SCORING = "scoring-service";

    private static final Pattern MONTH = Pattern.compile("[1-9][0-9]{3}-(0[1-9]|1[0-2])");

    /** The trend's months: a year ending at the period. */
    static final int TREND_MONTHS = 12;

    /** The largest page the services give: most units' open items of a kind fit one page. */
    private static final int PAGE_SIZE = 1000;

    /** What the request thread waits beyond the deadline for answers already on their way. */
    private static final Duration MARGIN = Duration.ofMillis(500);

    private final Channel standards;
    private final Channel inspection;
    private final Channel complaints;
    private final Channel scoring;
    private final DashboardConfig config;
    private final ClientConfig client;
    private final OutgoingToken token;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public DashboardResource(
            @GrpcClient("standards") Channel standards,
            @GrpcClient("inspection") Channel inspection,
            @GrpcClient("complaints") Channel complaints,
            @GrpcClient("scoring") Channel scoring,
            DashboardConfig config,
            ClientConfig client,
            OutgoingToken token,
            SecurityIdentity identity) {
        this.standards = standards;
        this.inspection = inspection;
        this.complaints = complaints;
        this.scoring = scoring;
        this.config = config;
        this.client = client;
        this.token = token;
        this.identity = identity;
    }

    @GET
    @Operation(
            summary = "A unit's dashboard",
            description = "The unit and its path, its score trend over the 12 months ending at period (each point "
                    + "with its satisfaction index), the latest scorecard, its open complaints with their deadlines "
                    + "counted to asOf (overdue first, at most 50, with counts of all), its open and overdue "
                    + "inspections, rectification and supervision orders, and its certification with the latest "
                    + "accreditation decision: one call for one screen. Every part is read at once, each within "
                    + "sqm.dashboard.part-deadline (2 s). A partial answer is still 200: a part whose service failed "
                    + "or did not answer in time is left out and named in warnings (with the gRPC code and the HTTP "
                    + "status its own endpoint would answer), and partial is true; a part the caller's role may not "
                    + "read is left out and named in omitted. 404 only when the unit does not exist or is outside "
                    + "the caller's units.")
    @APIResponse(
            responseCode = "200",
            description = "The dashboard, whole or partial",
            content = @Content(schema = @Schema(implementation = UnitDashboard.class)))
    @APIResponse(
            responseCode = "404",
            description = "No unit has this id, or it is outside the caller's units",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = "x-sqm-rpc", value = "sqm.standards.v1.UnitService/GetUnitPath")
    public UnitDashboard dashboard(
            @PathParam("id") String id,
            @Parameter(description = "The trend's last month, 2026-03; absent: the current month (UTC)")
                    @QueryParam("period")
                    String period) {
        String month = month(period);
        Duration partDeadline = config.partDeadline();
        PartCalls calls = new PartCalls(
                Deadline.after(partDeadline.toMillis(), TimeUnit.MILLISECONDS),
                client.readAttempts(),
                token.current(),
                RequestIds.current());
        Set<String> groups = identity.getRoles();
        Map<String, Part<?>> parts = new LinkedHashMap<>();
        List<String> omitted = new ArrayList<>();

        // One path call brings the unit too, as the path's last unit (same roles and unit scope): no chain.
        Supplier<CompletableFuture<List<Unit>>> pathCall = once(() -> calls.read(
                        standards,
                        UnitServiceGrpc.getGetUnitPathMethod(),
                        GetUnitPathRequest.newBuilder().setId(id).build())
                .thenApply(p -> p.getUnitsList()));
        Part<Unit> unit = start(
                parts,
                omitted,
                groups,
                "unit",
                STANDARDS,
                List.of(UnitServiceGrpc.getGetUnitPathMethod()),
                () -> pathCall.get().thenApply(DashboardResource::lastOf));
        Part<List<Unit>> path = start(
                parts, omitted, groups, "path", STANDARDS, List.of(UnitServiceGrpc.getGetUnitPathMethod()), pathCall);
        // One trend call brings the latest scorecard too, when the role may read scorecards: no chain.
        boolean withScorecard = mayCall(groups, ScorecardServiceGrpc.getGetScorecardMethod());
        Supplier<CompletableFuture<ScoreTrend>> trendCall = once(() -> calls.read(
                scoring,
                ScorecardServiceGrpc.getGetScoreTrendMethod(),
                GetScoreTrendRequest.newBuilder()
                        .setUnitId(id)
                        .setPeriod(month)
                        .setCount(TREND_MONTHS)
                        .setIncludeLatestScorecard(withScorecard)
                        .build()));
        Part<ScoreTrend> trend = start(
                parts,
                omitted,
                groups,
                "trend",
                SCORING,
                List.of(ScorecardServiceGrpc.getGetScoreTrendMethod()),
                trendCall);
        Part<Optional<Scorecard>> scorecard = start(
                parts,
                omitted,
                groups,
                "scorecard",
                SCORING,
                List.of(ScorecardServiceGrpc.getGetScoreTrendMethod(), ScorecardServiceGrpc.getGetScorecardMethod()),
                () -> trendCall
                        .get()
                        .thenApply(
                                t -> t.hasLatestScorecard() ? Optional.of(t.getLatestScorecard()) : Optional.empty()));
        Part<List<Complaint>> openComplaints = start(
                parts,
                omitted,
                groups,
                "complaints",
                COMPLAINTS,
                List.of(ComplaintServiceGrpc.getListComplaintsMethod()),
                () -> unique(
                        calls.readAllPages(
                                complaints,
                                ComplaintServiceGrpc.getListComplaintsMethod(),
                                pageToken -> ListComplaintsRequest.newBuilder()
                                        .setUnitId(id)
                                        .setOpenOnly(true)
                                        .setPageSize(PAGE_SIZE)
                                        .setPageToken(pageToken)
                                        .build(),
                                ListComplaintsResponse::getComplaintsList,
                                ListComplaintsResponse::getNextPageToken),
                        Complaint::getId));
        Part<List<Inspection>> openInspections = start(
                parts,
                omitted,
                groups,
                "inspections",
                INSPECTION,
                List.of(InspectionServiceGrpc.getListInspectionsMethod()),
                () -> unique(
                        calls.readAllPages(
                                inspection,
                                InspectionServiceGrpc.getListInspectionsMethod(),
                                pageToken -> ListInspectionsRequest.newBuilder()
                                        .setUnitId(id)
                                        .setOpenOnly(true)
                                        .setPageSize(PAGE_SIZE)
                                        .setPageToken(pageToken)
                                        .build(),
                                ListInspectionsResponse::getInspectionsList,
                                ListInspectionsResponse::getNextPageToken),
                        Inspection::getId));
        Part<List<RectificationOrder>> rectifications = start(
                parts,
                omitted,
                groups,
                "rectificationOrders",
                INSPECTION,
                List.of(RectificationServiceGrpc.getListRectificationOrdersMethod()),
                () -> unique(
                        calls.readAllPages(
                                inspection,
                                RectificationServiceGrpc.getListRectificationOrdersMethod(),
                                pageToken -> ListRectificationOrdersRequest.newBuilder()
                                        .setOwnerUnitId(id)
                                        .setOpenOnly(true)
                                        .setPageSize(PAGE_SIZE)
                                        .setPageToken(pageToken)
                                        .build(),
                                ListRectificationOrdersResponse::getOrdersList,
                                ListRectificationOrdersResponse::getNextPageToken),
                        RectificationOrder::getId));
        Part<List<SupervisionOrder>> supervisions = start(
                parts,
                omitted,
                groups,
                "supervisionOrders",
                INSPECTION,
                List.of(SupervisionServiceGrpc.getListSupervisionOrdersMethod()),
                () -> unique(
                        calls.readAllPages(
                                inspection,
                                SupervisionServiceGrpc.getListSupervisionOrdersMethod(),
                                pageToken -> ListSupervisionOrdersRequest.newBuilder()
                                        .setUnitId(id)
                                        .setOpenOnly(true)
                                        .setPageSize(PAGE_SIZE)
                                        .setPageToken(pageToken)
                                        .build(),
                                ListSupervisionOrdersResponse::getOrdersList,
                                ListSupervisionOrdersResponse::getNextPageToken),
                        SupervisionOrder::getId));
        Part<Accreditation> accreditation = start(
                parts,
                omitted,
                groups,
                "accreditation",
                SCORING,
                List.of(
                        CertificationServiceGrpc.getListCertificationsMethod(),
                        AccreditationServiceGrpc.getListAccreditationDecisionsMethod()),
                () -> {
                    CompletableFuture<List<Certification>> certifications = calls.readAllPages(
                            scoring,
                            CertificationServiceGrpc.getListCertificationsMethod(),
                            pageToken -> ListCertificationsRequest.newBuilder()
                                    .setUnitId(id)
                                    .setPageSize(PAGE_SIZE)
                                    .setPageToken(pageToken)
                                    .build(),
                            ListCertificationsResponse::getCertificationsList,
                            ListCertificationsResponse::getNextPageToken);
                    // Decisions come newest first: the first is the latest.
                    CompletableFuture<Optional<AccreditationDecision>> latest = calls.read(
                                    scoring,
                                    AccreditationServiceGrpc.getListAccreditationDecisionsMethod(),
                                    ListAccreditationDecisionsRequest.newBuilder()
                                            .setUnitId(id)
                                            .setPageSize(1)
                                            .build())
                            .thenApply(r -> r.getDecisionsList().stream().findFirst());
                    return certifications.thenCombine(latest, Accreditation::new);
                });

        awaitAll(parts.values(), unit, partDeadline.plus(MARGIN));
        // What has not answered by now is late: settled as such, so the answer below reads one state.
        parts.values().forEach(p -> p.answer()
                .completeExceptionally(Status.DEADLINE_EXCEEDED
                        .withDescription("no answer within the part deadline")
                        .asRuntimeException()));
        if (unit != null
                && unit.failure().filter(DashboardResource::refusesTheUnit).isPresent()) {
            // The unit does not exist (or is outside the caller's units): the whole answer is that.
            parts.values().forEach(p -> p.answer().cancel(false));
            throw new RemoteCallException(STANDARDS, unit.failure().get());
        }

        Instant asOf = clock.instant();
        List<DashboardWarning> warnings = new ArrayList<>();
        parts.values().forEach(p -> p.failure().ifPresent(f -> warnings.add(warning(p, f, partDeadline))));
        return new UnitDashboard(
                asOf.toString(),
                month,
                value(unit).map(UnitMapping::view).orElse(null),
                value(path)
                        .map(units -> units.stream().map(UnitMapping::view).toList())
                        .orElse(null),
                // The scorecard the trend brought is the scorecard part's, not said twice.
                value(trend)
                        .map(t -> ScorecardMapping.view(
                                t.toBuilder().clearLatestScorecard().build()))
                        .orElse(null),
                value(scorecard).flatMap(s -> s).map(ScorecardMapping::view).orElse(null),
                value(openComplaints)
                        .map(c -> DashboardAssembly.complaints(c, asOf))
                        .orElse(null),
                value(openInspections)
                        .map(i -> DashboardAssembly.inspections(i, asOf))
                        .orElse(null),
                value(rectifications)
                        .map(o -> DashboardAssembly.rectificationOrders(o, asOf))
                        .orElse(null),
                value(supervisions)
                        .map(o -> DashboardAssembly.supervisionOrders(o, asOf))
                        .orElse(null),
                value(accreditation)
                        .map(a -> DashboardAssembly.accreditation(a.certifications(), a.latest()))
                        .orElse(null),
                !warnings.isEmpty(),
                warnings,
                omitted);
    }

    /** A part's calls under way, or done. */
    private record Part<T>(String name, String service, CompletableFuture<T> answer) {

        /** How it failed, once settled: a gRPC status; empty when it succeeded. */
        Optional<StatusRuntimeException> failure() {
            if (!answer.isCompletedExceptionally()) {
                return Optional.empty();
            }
            try {
                answer.join();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(PartCalls.status(e));
            }
        }
    }

    private record Accreditation(List<Certification> certifications, Optional<AccreditationDecision> latest) {}

    /**
     * Starts a part, unless the caller's role may not call one of its RPCs (by the rules the protos
     * state, as the REST door checks them): then it is omitted and never called.
     */
    private static <T> Part<T> start(
            Map<String, Part<?>> parts,
            List<String> omitted,
            Set<String> groups,
            String name,
            String service,
            List<MethodDescriptor<?, ?>> rpcs,
            Supplier<CompletableFuture<T>> calls) {
        if (!rpcs.stream().allMatch(rpc -> mayCall(groups, rpc))) {
            omitted.add(name);
            return null;
        }
        CompletableFuture<T> answer;
        try {
            answer = calls.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        Part<T> part = new Part<>(name, service, answer);
        parts.put(name, part);
        return part;
    }

    static boolean mayCall(Set<String> groups, MethodDescriptor<?, ?> rpc) {
        if (groups.contains(Roles.SERVICE)) {
            return true;
        }
        Set<Role> roles = Roles.of(groups);
        // An RPC without a rule is open only to service tokens (docs/authorisation.md).
        return Roles.access(rpc).map(Access::getRolesList).orElse(List.of()).stream()
                .anyMatch(roles::contains);
    }

    /**
     * Waits until every part is done, or the unit is known not to exist, or the wait is over (the calls'
     * own deadline ends them first; this bound only keeps the request from waiting on a lost callback).
     */
    private static void awaitAll(java.util.Collection<Part<?>> parts, Part<Unit> unit, Duration wait) {
        CompletableFuture<?> everything = CompletableFuture.allOf(parts.stream()
                .map(p -> p.answer().handle((value, failure) -> null))
                .toArray(CompletableFuture[]::new));
        CompletableFuture<?> refused = unit == null
                ? new CompletableFuture<>()
                : unit.answer()
                        .handle((value, failure) ->
                                failure != null && refusesTheUnit(PartCalls.status(failure)) ? true : null)
                        .thenCompose(r -> r != null ? CompletableFuture.completedFuture(r) : new CompletableFuture<>());
        try {
            CompletableFuture.anyOf(everything, refused).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The parts still running are reported as not answered in time.
        } catch (ExecutionException e) {
            // Each part's failure is read from the part.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The unit itself is the answer's subject: its absence is the client's 404, or a bad id the client's 400. */
    private static boolean refusesTheUnit(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        return code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT;
    }

    private static <T> Optional<T> value(Part<T> part) {
        if (part == null || part.failure().isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(part.answer().join());
    }

    /**
     * A part's list with each item once: paging by keyset, an item whose sort time changed between two
     * pages' calls would otherwise be on both.
     */
    private static <T> CompletableFuture<List<T>> unique(CompletableFuture<List<T>> list, Function<T, String> id) {
        return list.thenApply(items -> {
            Map<String, T> byId = new LinkedHashMap<>();
            items.forEach(item -> byId.putIfAbsent(id.apply(item), item));
            return List.copyOf(byId.values());
        });
    }

    /** The unit a path ends at: the path runs from the root down to it. */
    private static Unit lastOf(List<Unit> path) {
        if (path.isEmpty()) {
            throw Status.NOT_FOUND.withDescription("the unit has no path").asRuntimeException();
        }
        return path.get(path.size() - 1);
    }

    /** The calls {@code start} makes, made once however many parts read their answer (on the request thread). */
    private static <T> Supplier<CompletableFuture<T>> once(Supplier<CompletableFuture<T>> calls) {
        List<CompletableFuture<T>> made = new ArrayList<>(1);
        return () -> {
            if (made.isEmpty()) {
                made.add(calls.get());
            }
            return made.get(0);
        };
    }

    /** The warning of a failed part, with the status and words the part's own endpoint would answer. */
    static DashboardWarning warning(Part<?> part, StatusRuntimeException failure, Duration partDeadline) {
        // As the problem mapper does: a call that never reached its service is UNAVAILABLE.
        Status.Code code = RemoteCalls.unreachable(failure)
                ? Status.Code.UNAVAILABLE
                : failure.getStatus().getCode();
        int status = ProblemMapper.httpStatus(code);
        String what = part.service() + " ";
        String message =
                switch (code) {
                    case UNAVAILABLE -> what + "is unavailable";
                    case DEADLINE_EXCEEDED -> what + "did not answer within " + partDeadline.toMillis() + " ms";
                    case CANCELLED -> what + "call was cancelled";
                    default -> status >= 500
                            ? what + "failed (" + code + ")"
                            : what + "refused (" + code + "): "
                                    + Optional.ofNullable(failure.getStatus().getDescription())
                                            .orElse(code.name());
                };
        return new DashboardWarning(
                part.name(), part.service(), code.name(), status, message + "; " + part.name() + " left out.");
    }

    private String month(String period) {
        if (period == null || period.isEmpty()) {
            return YearMonth.now(clock.withZone(ZoneOffset.UTC)).toString();
        }
        if (!MONTH.matcher(period).matches()) {
            throw new InvalidRequestException("period", "must be a month, e.g. 2026-03");
        }
        return period;
    }
}
