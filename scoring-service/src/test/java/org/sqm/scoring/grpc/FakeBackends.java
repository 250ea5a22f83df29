package org.sqm.scoring.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqm.proto.inspection.v1.InspectionFeedServiceGrpc;
import org.sqm.proto.inspection.v1.OrderLapse;
import org.sqm.proto.inspection.v1.StreamOrderLapsesRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.proto.standards.v1.UnitState;
import org.sqm.proto.standards.v1.UnitType;

/**
 * Stand-ins for standards-service (units the tests register) and inspection-service (the order lapses
 * the tests script), reached by scoring-service over real gRPC on its test port. The real services
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

    private FakeBackends() {}

    /** Registers a new unit of the type and answers its id. */
    public static String unit(UnitType type) {
        String id = UUID.randomUUID().toString();
        UNITS.put(id, type);
        return id;
    }

    @GrpcService
    @Blocking
    public static class Units extends UnitServiceGrpc.UnitServiceImplBase {
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
            response.onNext(Unit.newBuilder()
                    .setId(request.getId())
                    .setCode("U-" + request.getId().substring(0, 8))
                    .setType(type)
                    .setState(UnitState.UNIT_STATE_ACTIVE)
                    .build());
            response.onCompleted();
        }
    }

    @GrpcService
    @Blocking
    public static class Feed extends InspectionFeedServiceGrpc.InspectionFeedServiceImplBase {
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
