package org.sqm.scoring.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.sqm.proto.standards.v1.GetStandardRequest;
import org.sqm.proto.standards.v1.ListStandardsRequest;
import org.sqm.proto.standards.v1.ListStandardsResponse;
import org.sqm.proto.standards.v1.RatingLevel;
import org.sqm.proto.standards.v1.RatingScale;
import org.sqm.proto.standards.v1.RatingScaleKind;
import org.sqm.proto.standards.v1.Standard;
import org.sqm.proto.standards.v1.StandardServiceGrpc;

/**
 * A stand-in for standards-service's StandardService, reached by scoring-service over real gRPC on the
 * fakes' own port ({@link FakeBackendServer}): the standards whose rating scales accreditation rules are checked against. It knows CSE
 * and STD-A (Customer Service Excellence's four levels) and STD-B; tests add others to {@link #STANDARDS}.
 */
public final class FakeStandards {

    /** The standards by code, one version each (with its tree). */
    public static final Map<String, Standard> STANDARDS = new ConcurrentHashMap<>();

    static {
        for (String code : List.of("CSE", "STD-A", "STD-B")) {
            levels(code, "COMPLIANCE_PLUS", "COMPLIANT", "PARTIAL_COMPLIANCE", "NON_COMPLIANCE");
        }
    }

    private FakeStandards() {}

    /** Registers version 1 of a standard rating with these levels. */
    public static void levels(String code, String... levels) {
        RatingScale.Builder scale = RatingScale.newBuilder().setKind(RatingScaleKind.RATING_SCALE_KIND_LEVELS);
        for (String level : levels) {
            scale.addLevels(RatingLevel.newBuilder().setCode(level));
        }
        STANDARDS.put(
                code,
                Standard.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .setCode(code)
                        .setVersion(1)
                        .setRatingScale(scale)
                        .build());
    }

    public static class Standards extends StandardServiceGrpc.StandardServiceImplBase {

        @Override
        public void listStandards(ListStandardsRequest request, StreamObserver<ListStandardsResponse> response) {
            ListStandardsResponse.Builder page = ListStandardsResponse.newBuilder();
            STANDARDS.values().stream()
                    .filter(s -> request.getCode().isEmpty() || s.getCode().equals(request.getCode()))
                    .forEach(s -> page.addStandards(s.toBuilder().clearRatingScale()));
            response.onNext(page.build());
            response.onCompleted();
        }

        @Override
        public void getStandard(GetStandardRequest request, StreamObserver<Standard> response) {
            STANDARDS.values().stream()
                    .filter(s -> s.getId().equals(request.getId()))
                    .findFirst()
                    .ifPresentOrElse(
                            s -> {
                                response.onNext(s);
                                response.onCompleted();
                            },
                            () -> response.onError(Status.NOT_FOUND.asRuntimeException()));
        }
    }
}
