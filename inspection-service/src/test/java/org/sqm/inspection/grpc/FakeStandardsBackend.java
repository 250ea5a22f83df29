package org.sqm.inspection.grpc;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sqm.proto.standards.v1.Criterion;
import org.sqm.proto.standards.v1.Element;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.ListUnitDescendantsRequest;
import org.sqm.proto.standards.v1.ListUnitDescendantsResponse;
import org.sqm.proto.standards.v1.RatingLevel;
import org.sqm.proto.standards.v1.RatingScale;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc;
import org.sqm.proto.standards.v1.StandardStatus;
import org.sqm.proto.standards.v1.SubCriterion;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;
import org.sqm.proto.standards.v1.UnitState;
import org.sqm.proto.standards.v1.UnitType;

/**
 * A standards-service stand-in for inspection-service's own tests, reached over real gRPC: the units
 * and standard versions the tests register. The real standards-service behind the real
 * inspection-service is covered by the end-to-end suite.
 */
public final class FakeStandardsBackend {

    public static final Map<String, Unit> UNITS = new ConcurrentHashMap<>();
    public static final Map<String, Standard> STANDARDS = new ConcurrentHashMap<>();
    /** Scripted failures: a call about this unit id, standard id or standard code answers the error. */
    public static final Map<String, StatusRuntimeException> FAILURES = new ConcurrentHashMap<>();

    private FakeStandardsBackend() {}

    /** Every later call about {@code key} (a unit id, standard id or standard code) fails with {@code error}. */
    public static void failing(String key, StatusRuntimeException error) {
        FAILURES.put(key, error);
    }

    /** An error as our services answer it: the code with a {@code google.rpc.ErrorInfo} of the reason. */
    public static StatusRuntimeException answered(Status.Code code, String reason) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(reason.toLowerCase())
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(reason)
                        .setDomain("standards-service")
                        .build()))
                .build());
    }

    /** Answers the scripted failure for {@code key}, if any. */
    private static boolean failed(String key, StreamObserver<?> response) {
        StatusRuntimeException error = FAILURES.get(key);
        if (error != null) {
            response.onError(error);
            return true;
        }
        return false;
    }

    /** Registers an active unit and returns its id. */
    public static String unit(String parentId, UnitType type) {
        String id = UUID.randomUUID().toString();
        UNITS.put(
                id,
                Unit.newBuilder()
                        .setId(id)
                        .setCode("U-" + id.substring(0, 8))
                        .setName("Unit " + id.substring(0, 8))
                        .setType(type)
                        .setParentId(parentId == null ? "" : parentId)
                        .setState(UnitState.UNIT_STATE_ACTIVE)
                        .build());
        return id;
    }

    public static void deactivate(String id) {
        UNITS.put(
                id,
                UNITS.get(id).toBuilder()
                        .setState(UnitState.UNIT_STATE_INACTIVE)
                        .build());
    }

    /**
     * Publishes a version of a standard with the four CSE levels (not applicable allowed) and the given
     * elements: code "1.1.1" etc.; each element is "code:flags" where flags hold 'm' (mandatory) and 'c'
     * (critical). Returns the version's id.
     */
    public static String publish(String code, int version, String... elements) {
        return publish(code, version, levels(), elements);
    }

    public static RatingScale levels() {
        return RatingScale.newBuilder()
                .setKind(RatingScaleKind.RATING_SCALE_KIND_LEVELS)
                .setAllowNotApplicable(true)
                .addLevels(level("COMPLIANCE_PLUS", 100, true))
                .addLevels(level("COMPLIANT", 80, true))
                .addLevels(level("PARTIAL_COMPLIANCE", 40, false))
                .addLevels(level("NON_COMPLIANCE", 0, false))
                .build();
    }

    public static RatingScale numeric() {
        return RatingScale.newBuilder()
                .setKind(RatingScaleKind.RATING_SCALE_KIND_NUMERIC)
                .setMinScore(0)
                .setMaxScore(10)
                .setPassScore(6)
                .build();
    }

    private static RatingLevel level(String code, int points, boolean meets) {
        return RatingLevel.newBuilder()
                .setCode(code)
                .setLabel(code)
                .setPoints(points)
                .setMeetsRequirement(meets)
                .build();
    }

    /**
     * Publishes a version with the given scale and elements, each "code:flags[:weight]" (weight 1 unless
     * given). Elements fall into criteria by the first segment of their code ("2.1.3" is criterion "2",
     * sub-criterion "2.1"), in the order they first appear.
     */
    public static String publish(String code, int version, RatingScale scale, String... elements) {
        String id = UUID.randomUUID().toString();
        Map<String, SubCriterion.Builder> subs = new LinkedHashMap<>();
        for (String spec : elements) {
            String[] parts = spec.split(":", 3);
            String flags = parts.length > 1 ? parts[1] : "";
            String criterion = parts[0].split("\\.")[0];
            subs.computeIfAbsent(criterion, c -> SubCriterion.newBuilder()
                            .setCode(c + ".1")
                            .setTitle("Sub")
                            .setWeight(1))
                    .addElements(Element.newBuilder()
                            .setCode(parts[0])
                            .setTitle("Requirement " + parts[0])
                            .setWeight(parts.length > 2 ? Integer.parseInt(parts[2]) : 1)
                            .setMandatory(flags.contains("m"))
                            .setCritical(flags.contains("c")));
        }
        Standard.Builder standard = Standard.newBuilder()
                .setId(id)
                .setCode(code)
                .setVersion(version)
                .setTitle(code + " v" + version)
                .setStatus(StandardStatus.STANDARD_STATUS_PUBLISHED)
                .setEffectiveFrom("2020-01-01")
                .setRatingScale(scale);
        subs.forEach((criterion, sub) -> standard.addCriteria(Criterion.newBuilder()
                .setCode(criterion)
                .setTitle("Criterion " + criterion)
                .setWeight(1)
                .addSubCriteria(sub)));
        STANDARDS.put(id, standard.build());
        return id;
    }

    /** Registers a draft (not published) version. */
    public static String draft(String code, int version) {
        String id = publish(code, version, "9.9.9:m");
        STANDARDS.put(
                id,
                STANDARDS.get(id).toBuilder()
                        .setStatus(StandardStatus.STANDARD_STATUS_DRAFT)
                        .build());
        return id;
    }

    /** The fake UnitService. */
    @GrpcService
    @Blocking
    public static class Units extends UnitServiceGrpc.UnitServiceImplBase {
        @Override
        public void getUnit(GetUnitRequest request, StreamObserver<Unit> response) {
            if (failed(request.getId(), response)) {
                return;
            }
            Unit unit = UNITS.get(request.getId());
            if (unit == null) {
                response.onError(Status.NOT_FOUND.withDescription("no unit").asRuntimeException());
                return;
            }
            response.onNext(unit);
            response.onCompleted();
        }

        @Override
        public void listUnitDescendants(
                ListUnitDescendantsRequest request, StreamObserver<ListUnitDescendantsResponse> response) {
            if (failed(request.getId(), response)) {
                return;
            }
            List<Unit> found = new ArrayList<>();
            collect(request.getId(), found);
            response.onNext(ListUnitDescendantsResponse.newBuilder()
                    .addAllUnits(found.stream()
                            .filter(u -> request.getShowInactive() || u.getState() == UnitState.UNIT_STATE_ACTIVE)
                            .toList())
                    .build());
            response.onCompleted();
        }

        private static void collect(String parent, List<Unit> found) {
            UNITS.values().stream()
                    .filter(u -> u.getParentId().equals(parent))
                    .sorted(Comparator.comparing(Unit::getId))
                    .forEach(u -> {
                        found.add(u);
                        collect(u.getId(), found);
                    });
        }
    }

    /** The fake StandardService. */
    @GrpcService
    @Blocking
    public static class Standards extends StandardServiceGrpc.StandardServiceImplBase {
        @Override
        public void getStandard(GetStandardRequest request, StreamObserver<Standard> response) {
            if (failed(request.getId(), response)) {
                return;
            }
            Standard s = STANDARDS.get(request.getId());
            if (s == null) {
                response.onError(Status.NOT_FOUND.withDescription("no standard").asRuntimeException());
                return;
            }
            response.onNext(s);
            response.onCompleted();
        }

        @Override
        public void listStandards(ListStandardsRequest request, StreamObserver<ListStandardsResponse> response) {
            if (failed(request.getCode(), response)) {
                return;
            }
            response.onNext(ListStandardsResponse.newBuilder()
                    .addAllStandards(STANDARDS.values().stream()
                            .filter(s ->
                                    request.getCode().isEmpty() || s.getCode().equals(request.getCode()))
                            .filter(s -> request.getStatus() == StandardStatus.STANDARD_STATUS_UNSPECIFIED
                                    || s.getStatus() == request.getStatus())
                            .map(s -> s.toBuilder().clearCriteria().build())
                            .toList())
                    .build());
            response.onCompleted();
        }
    }
}
