package org.sqm.complaint.grpc;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sqm.proto.common.v1.Severity;
import org.sqm.proto.standards.v1.CalendarServiceGrpc;
import org.sqm.proto.standards.v1.ComputeDueTimeRequest;
import org.sqm.proto.standards.v1.ComputeDueTimeResponse;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.MeasureBusinessTimeRequest;
import org.sqm.proto.standards.v1.MeasureBusinessTimeResponse;
import org.sqm.proto.standards.v1.ResolveServiceLevelRequest;
import org.sqm.proto.standards.v1.ServiceLevel;
import org.sqm.proto.standards.v1.ServiceLevelServiceGrpc;
import org.sqm.proto.standards.v1.ServiceLevelTarget;
import org.sqm.proto.standards.v1.TimeInterval;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.proto.standards.v1.UnitState;

/**
 * A standards-service stand-in for complaint-service's own tests, reached over real gRPC: units the
 * tests register, one service-level rule set, and business-time arithmetic on a 24x7 calendar
 * (elapsed time minus pauses). The real standards-service behind the real complaint-service is
 * covered by the end-to-end suite.
 */
public final class FakeStandardsBackend {

    /** A unit the tests registered. */
    public record FakeUnit(String id, String parentId, boolean active, boolean hasServiceLevel) {}

    public static final Map<String, FakeUnit> UNITS = new ConcurrentHashMap<>();
    /** Units that GetUnit cannot answer for (UNAVAILABLE): standards-service down on demand. */
    public static final Set<String> UNREACHABLE_UNITS = ConcurrentHashMap.newKeySet();
    /** How long ResolveServiceLevel takes for a unit, in milliseconds: a slow backend on demand. */
    public static final Map<String, Long> DELAYS = new ConcurrentHashMap<>();
    /** How often each method was called, by method name: tests assert the round trips intake costs. */
    public static final Map<String, java.util.concurrent.atomic.AtomicInteger> CALLS = new ConcurrentHashMap<>();

    static void count(String method) {
        CALLS.computeIfAbsent(method, m -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
    }

    public static int calls(String method) {
        var n = CALLS.get(method);
        return n == null ? 0 : n.get();
    }

    public static final String CALENDAR_ID = "7d3c9f0e-0000-4000-8000-000000000247";
    /** Units whose deadlines run on another calendar, which this stand-in does not know (NOT_FOUND). */
    public static final Map<String, String> UNIT_CALENDARS = new ConcurrentHashMap<>();

    /** Answers NOT_FOUND as standards-service does for a calendar it does not know; true when it did. */
    static boolean unknownCalendar(String calendarId, StreamObserver<?> response) {
        if (CALENDAR_ID.equals(calendarId)) {
            return false;
        }
        response.onError(io.grpc.protobuf.StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(com.google.rpc.Code.NOT_FOUND_VALUE)
                .setMessage("calendar " + calendarId + " does not exist")
                .addDetails(com.google.protobuf.Any.pack(com.google.rpc.ErrorInfo.newBuilder()
                        .setReason("CALENDAR_NOT_FOUND")
                        .setDomain("standards-service")
                        .build()))
                .build()));
        return true;
    }

    static final long ACK = 8 * 3600;
    static final long FIRST = 24 * 3600;
    static final long RESOLVE = 120 * 3600;
    static final long RESOLVE_CRITICAL = 40 * 3600;

    private FakeStandardsBackend() {}

    public static void register(String id, String parentId, boolean active, boolean hasServiceLevel) {
        UNITS.put(id, new FakeUnit(id, parentId, active, hasServiceLevel));
    }

    private static Duration seconds(long s) {
        return Duration.newBuilder().setSeconds(s).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    /** Pause time after {@code from}, merged, in nanoseconds, up to {@code until} (null: no limit). */
    static long pausedNanos(List<TimeInterval> pauses, Instant from, Instant until) {
        List<Instant[]> sorted = new ArrayList<>();
        for (TimeInterval p : pauses) {
            Instant s = instant(p.getStartTime());
            Instant e = instant(p.getEndTime());
            if (s.isBefore(from)) {
                s = from;
            }
            if (until != null && e.isAfter(until)) {
                e = until;
            }
            if (e.isAfter(s)) {
                sorted.add(new Instant[] {s, e});
            }
        }
        sorted.sort(Comparator.comparing(a -> a[0]));
        long total = 0;
        Instant cursor = Instant.MIN;
        for (Instant[] p : sorted) {
            Instant s = p[0].isBefore(cursor) ? cursor : p[0];
            if (p[1].isAfter(s)) {
                total += java.time.Duration.between(s, p[1]).toNanos();
                cursor = p[1];
            }
        }
        return total;
    }

    @GrpcService
    @Blocking
    public static class Units extends UnitServiceGrpc.UnitServiceImplBase {
        @Override
        public void getUnit(GetUnitRequest request, StreamObserver<Unit> response) {
            count("GetUnit");
            if (UNREACHABLE_UNITS.contains(request.getId())) {
                response.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            FakeUnit unit = UNITS.get(request.getId());
            if (unit == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            response.onNext(toProto(unit));
            response.onCompleted();
        }

        static Unit toProto(FakeUnit unit) {
            return Unit.newBuilder()
                    .setId(unit.id())
                    .setParentId(unit.parentId() == null ? "" : unit.parentId())
                    .setState(unit.active() ? UnitState.UNIT_STATE_ACTIVE : UnitState.UNIT_STATE_INACTIVE)
                    .build();
        }

        @Override
        public void listUnitDescendants(
                ListUnitDescendantsRequest request, StreamObserver<ListUnitDescendantsResponse> response) {
            count("ListUnitDescendants");
            ListUnitDescendantsResponse.Builder page = ListUnitDescendantsResponse.newBuilder();
            Set<String> below = new java.util.HashSet<>(Set.of(request.getId()));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (FakeUnit u : UNITS.values()) {
                    if (u.parentId() != null && below.contains(u.parentId()) && below.add(u.id())) {
                        grew = true;
                    }
                }
            }
            below.remove(request.getId());
            below.forEach(id -> page.addUnits(Unit.newBuilder().setId(id)));
            response.onNext(page.build());
            response.onCompleted();
        }
    }

    @GrpcService
    @Blocking
    public static class ServiceLevels extends ServiceLevelServiceGrpc.ServiceLevelServiceImplBase {
        @Override
        public void resolveServiceLevel(ResolveServiceLevelRequest request, StreamObserver<ServiceLevel> response) {
            count("ResolveServiceLevel");
            Long delay = DELAYS.get(request.getUnitId());
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            FakeUnit unit = UNITS.get(request.getUnitId());
            if (unit == null || !unit.hasServiceLevel()) {
                response.onError(Status.FAILED_PRECONDITION.asRuntimeException());
                return;
            }
            boolean critical = request.getSeverity() == Severity.SEVERITY_CRITICAL;
            Instant at = instant(request.getAtTime());
            long resolve = critical ? RESOLVE_CRITICAL : RESOLVE;
            double share = request.getWarningShare();
            ServiceLevel.Builder level = ServiceLevel.newBuilder();
            if (share > 0) {
                level.setAcknowledgeWarnTime(timestamp(at.plusSeconds((long) Math.floor(ACK * share))))
                        .setFirstResponseWarnTime(timestamp(at.plusSeconds((long) Math.floor(FIRST * share))))
                        .setResolveWarnTime(timestamp(at.plusSeconds((long) Math.floor(resolve * share))));
            }
            response.onNext(level.setAcknowledgeDueTime(timestamp(at.plusSeconds(ACK)))
                    .setFirstResponseDueTime(timestamp(at.plusSeconds(FIRST)))
                    .setResolveDueTime(timestamp(at.plusSeconds(critical ? RESOLVE_CRITICAL : RESOLVE)))
                    .setTarget(ServiceLevelTarget.newBuilder()
                            .setAcknowledgeWithin(seconds(ACK))
                            .setFirstResponseWithin(seconds(FIRST))
                            .setResolveWithin(seconds(critical ? RESOLVE_CRITICAL : RESOLVE))
                            .setCallBackWithin(seconds(ACK)))
                    .setCalendarId(UNIT_CALENDARS.getOrDefault(unit.id(), CALENDAR_ID))
                    .setStandardCode("FAKE")
                    .setStandardVersion(1)
                    .setRuleIndex(critical ? 1 : 0)
                    .setUnit(Units.toProto(unit))
                    .build());
            response.onCompleted();
        }
    }

    @GrpcService
    @Blocking
    public static class Calendars extends CalendarServiceGrpc.CalendarServiceImplBase {
        @Override
        public void computeDueTime(ComputeDueTimeRequest request, StreamObserver<ComputeDueTimeResponse> response) {
            count("ComputeDueTime");
            if (unknownCalendar(request.getCalendarId(), response)) {
                return;
            }
            Instant start = instant(request.getStartTime());
            java.time.Duration allowed = java.time.Duration.ofSeconds(
                    request.getBusinessDuration().getSeconds(),
                    request.getBusinessDuration().getNanos());
            Instant due = start.plus(allowed).plusNanos(pausedNanos(request.getPausedIntervalsList(), start, null));
            response.onNext(ComputeDueTimeResponse.newBuilder()
                    .setDueTime(timestamp(due))
                    .build());
            response.onCompleted();
        }

        @Override
        public void measureBusinessTime(
                MeasureBusinessTimeRequest request, StreamObserver<MeasureBusinessTimeResponse> response) {
            count("MeasureBusinessTime");
            if (unknownCalendar(request.getCalendarId(), response)) {
                return;
            }
            Instant start = instant(request.getStartTime());
            Instant end = instant(request.getEndTime());
            long nanos = java.time.Duration.between(start, end).toNanos()
                    - pausedNanos(request.getPausedIntervalsList(), start, end);
            java.time.Duration used = java.time.Duration.ofNanos(Math.max(0, nanos));
            response.onNext(MeasureBusinessTimeResponse.newBuilder()
                    .setBusinessTime(
                            Duration.newBuilder().setSeconds(used.getSeconds()).setNanos(used.getNano()))
                    .build());
            response.onCompleted();
        }
    }
}
