package org.sqm.scoring.grpc;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.sqm.proto.complaint.v1.ComplaintServiceGrpc;
import org.sqm.proto.complaint.v1.StreamComplaintStatisticsRequest;
import org.sqm.proto.complaint.v1.UnitComplaintStatistics;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc;
import org.sqm.proto.inspection.v1.InspectionPeriodBasis;
import org.sqm.proto.inspection.v1.InspectionResult;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.inspection.v1.StreamInspectionResultsRequest;
import org.sqm.proto.inspection.v1.StreamOrderLapsesRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.proto.standards.v1.UnitState;
import org.sqm.proto.standards.v1.UnitType;

/**
 * Stand-ins for standards-service (units the tests register), inspection-service (the order lapses
 * and inspection results the tests script) and complaint-service (the complaint statistics they script), reached by scoring-service over real gRPC on the fakes' own port ({@link FakeBackendServer}). The real services
 * behind the real scoring-service are the end-to-end suite's.
 */
public final class FakeBackends {

    /** The registered units and their types. */
    public static final Map<String, UnitType> UNITS = new ConcurrentHashMap<>();
    /** Units that GetUnit cannot answer for (UNAVAILABLE): standards-service down on demand. */
    public static final Set<String> UNREACHABLE_UNITS = ConcurrentHashMap.newKeySet();
    /** How many GetUnit calls reached the fake. */
    public static final AtomicInteger GET_UNIT_CALLS = new AtomicInteger();

    /** What StreamOrderLapses streams, whatever the period. */
    public static volatile List<OrderLapse> lapses = List.of();
    /** How long StreamOrderLapses waits before it streams, so that runs overlap. */
    public static volatile long lapseDelayMillis;
    /** When set, StreamOrderLapses fails with it after streaming the first lapse. */
    public static volatile Status lapseFailure;
    /** The requests StreamOrderLapses received. */
    public static final List<StreamOrderLapsesRequest> LAPSE_REQUESTS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Parents of units registered with {@link #child} (ListUnitDescendants only; ListUnits does not list them). */
    public static final Map<String, String> PARENTS = new ConcurrentHashMap<>();

    /** The units ListUnits answers (every page), registered with {@link #listed}. */
    public static final Map<String, Unit> LISTED_UNITS = new ConcurrentHashMap<>();
    /** How many ListUnits calls reached the fake. */
    public static final AtomicInteger LIST_UNITS_CALLS = new AtomicInteger();

    /** What StreamInspectionResults streams, filtered by the requested period on the requested basis. */
    public static volatile List<InspectionResult> inspectionResults = List.of();
    /** The requests StreamInspectionResults received. */
    public static final List<StreamInspectionResultsRequest> RESULT_REQUESTS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What StreamComplaintStatistics streams for a request (by default nothing). */
    public static volatile Function<StreamComplaintStatisticsRequest, List<UnitComplaintStatistics>>
            complaintStatistics = r -> List.of();
    /** How long StreamComplaintStatistics waits before it streams, so that a recompute is still running. */
    public static volatile long complaintDelayMillis;
    /** When set, StreamComplaintStatistics fails with it after streaming what it has (for the requests complaintFails picks). */
    public static volatile Status complaintFailure;
    /** Which requests fail with complaintFailure (by default all). */
    public static volatile java.util.function.Predicate<StreamComplaintStatisticsRequest> complaintFails = r -> true;
    /** The requests StreamComplaintStatistics received. */
    public static final List<StreamComplaintStatisticsRequest> COMPLAINT_REQUESTS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private FakeBackends() {}

    /** Registers an active unit that ListUnits lists (and GetUnit answers) and answers its id. */
    public static String listed(UnitType type, String code, String parentId) {
        String id = UUID.randomUUID().toString();
        UNITS.put(id, type);
        LISTED_UNITS.put(
                id,
                Unit.newBuilder()
                        .setId(id)
                        .setCode(code)
                        .setName("Unit " + code)
                        .setType(type)
                        .setParentId(parentId == null ? "" : parentId)
                        .setState(UnitState.UNIT_STATE_ACTIVE)
                        .build());
        return id;
    }

    /** Puts every scripted feed back to its default. */
    public static void resetFeeds() {
        LISTED_UNITS.clear();
        inspectionResults = List.of();
        complaintStatistics = r -> List.of();
        complaintDelayMillis = 0;
        complaintFailure = null;
        complaintFails = r -> true;
    }

    /** Registers a new unit below {@code parentId} (for ListUnitDescendants) and answers its id. */
    public static String child(UnitType type, String parentId) {
        String id = unit(type);
        PARENTS.put(id, parentId);
        return id;
    }

    /** Registers a new unit of the type and answers its id. */
    public static String unit(UnitType type) {
        String id = UUID.randomUUID().toString();
        UNITS.put(id, type);
        return id;
    }

    public static class Units extends UnitServiceGrpc.UnitServiceImplBase {
        @Override
        public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> response) {
            LIST_UNITS_CALLS.incrementAndGet();
            // Pages by code; the token is the offset (good enough for a fake).
            List<Unit> all = LISTED_UNITS.values().stream()
                    .filter(u ->
                            request.getParentId().isEmpty() || u.getParentId().equals(request.getParentId()))
                    .sorted(java.util.Comparator.comparing(Unit::getCode))
                    .toList();
            int from = request.getPageToken().isEmpty() ? 0 : Integer.parseInt(request.getPageToken());
            int size = request.getPageSize() == 0 ? 50 : Math.min(request.getPageSize(), 1000);
            int to = Math.min(all.size(), from + size);
            response.onNext(ListUnitsResponse.newBuilder()
                    .addAllUnits(all.subList(from, to))
                    .setNextPageToken(to < all.size() ? String.valueOf(to) : "")
                    .build());
            response.onCompleted();
        }

        @Override
        public void listUnitDescendants(
                ListUnitDescendantsRequest request, StreamObserver<ListUnitDescendantsResponse> response) {
            if (!UNITS.containsKey(request.getId())) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            // One page: every unit whose chain of parents reaches the unit.
            List<Unit> below = UNITS.keySet().stream()
                    .filter(u -> !u.equals(request.getId()) && below(u, request.getId()))
                    .sorted()
                    .map(u -> Unit.newBuilder()
                            .setId(u)
                            .setCode("U-" + u.substring(0, 8))
                            .setType(UNITS.get(u))
                            .setParentId(parent(u))
                            .build())
                    .toList();
            response.onNext(
                    ListUnitDescendantsResponse.newBuilder().addAllUnits(below).build());
            response.onCompleted();
        }

        private static String parent(String unit) {
            Unit listed = LISTED_UNITS.get(unit);
            return listed != null ? listed.getParentId() : PARENTS.getOrDefault(unit, "");
        }

        private static boolean below(String unit, String ancestor) {
            String u = parent(unit);
            for (int depth = 0; !u.isEmpty() && depth < 50; depth++) {
                if (u.equals(ancestor)) {
                    return true;
                }
                u = parent(u);
            }
            return false;
        }

        @Override
        public void getUnit(GetUnitRequest request, StreamObserver<Unit> response) {
            GET_UNIT_CALLS.incrementAndGet();
            if (UNREACHABLE_UNITS.contains(request.getId())) {
                response.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            UnitType type = UNITS.get(request.getId());
            if (type == null) {
                response.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            Unit listed = LISTED_UNITS.get(request.getId());
            if (listed != null) {
                response.onNext(listed);
                response.onCompleted();
                return;
            }
            response.onNext(Unit.newBuilder()
                    .setId(request.getId())
                    .setCode("U-" + request.getId().substring(0, 8))
                    .setType(type)
                    .setState(UnitState.UNIT_STATE_ACTIVE)
                    .build());
            response.onCompleted();
        }
    }

    public static class Complaints extends ComplaintServiceGrpc.ComplaintServiceImplBase {
        @Override
        public void streamComplaintStatistics(
                StreamComplaintStatisticsRequest request, StreamObserver<UnitComplaintStatistics> response) {
            COMPLAINT_REQUESTS.add(request);
            sleep(complaintDelayMillis);
            complaintStatistics.apply(request).forEach(response::onNext);
            Status failure = complaintFailure;
            if (failure != null && complaintFails.test(request)) {
                response.onError(failure.asRuntimeException());
                return;
            }
            response.onCompleted();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static class Feed extends InspectionFeedServiceGrpc.InspectionFeedServiceImplBase {
        @Override
        public void streamInspectionResults(
                StreamInspectionResultsRequest request, StreamObserver<InspectionResult> response) {
            RESULT_REQUESTS.add(request);
            boolean byWindow = request.getPeriodBasis() == InspectionPeriodBasis.INSPECTION_PERIOD_BASIS_WINDOW_START;
            for (InspectionResult r : inspectionResults) {
                Timestamp at = byWindow ? r.getWindowStart() : r.getFinalizeTime();
                if (Timestamps.compare(at, request.getPeriodStart()) >= 0
                        && Timestamps.compare(at, request.getPeriodEnd()) < 0) {
                    response.onNext(r);
                }
            }
            response.onCompleted();
        }

        @Override
        public void streamOrderLapses(StreamOrderLapsesRequest request, StreamObserver<OrderLapse> response) {
            LAPSE_REQUESTS.add(request);
            try {
                Thread.sleep(lapseDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Status failure = lapseFailure;
            for (OrderLapse lapse : lapses) {
                response.onNext(lapse);
                if (failure != null) {
                    response.onError(failure.asRuntimeException());
                    return;
                }
            }
            response.onCompleted();
        }
    }
}
