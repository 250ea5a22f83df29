package org.sqm.gateway.rest;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqm.proto.standards.v1.CreateUnitRequest;
import org.sqm.proto.standards.v1.GetUnitRequest;
import org.sqm.proto.standards.v1.ListUnitsRequest;
import org.sqm.proto.standards.v1.ListUnitsResponse;
import org.sqm.proto.standards.v1.Unit;
import org.sqm.proto.standards.v1.UnitServiceGrpc;

/**
 * A standards backend whose answers the gateway tests choose through the request, so that every
 * status the real service can send (and a few it should never send) reaches the gateway over real
 * gRPC. The real service behind the real gateway is covered by the end-to-end suite.
 */
@GrpcService
@Blocking
public class ScriptedStandardsBackend extends UnitServiceGrpc.UnitServiceImplBase {

    static final Map<String, String> REQUEST_IDS = new ConcurrentHashMap<>();
    static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    static final AtomicInteger RESET_CALLS = new AtomicInteger();

    @Override
    public void createUnit(CreateUnitRequest request, StreamObserver<Unit> response) {
        String code = request.getUnit().getCode();
        switch (code) {
            case "" -> {
                response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE)
                        .setMessage("unit.code: is required")
                        .addDetails(Any.pack(ErrorInfo.newBuilder()
                                .setReason("INVALID_FIELDS")
                                .setDomain("test")
                                .build()))
                        .addDetails(Any.pack(BadRequest.newBuilder()
                                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                        .setField("unit.code")
                                        .setDescription("is required"))
                                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                                        .setField("unit.parent_id")
                                        .setDescription("must be a UUID"))
                                .build()))
                        .build()));
                return;
            }
            case "DUP" -> {
                response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.ALREADY_EXISTS_VALUE)
                        .setMessage("a unit with code 'DUP' already exists")
                        .addDetails(Any.pack(ErrorInfo.newBuilder()
                                .setReason("UNIT_ALREADY_EXISTS")
                                .setDomain("test")
                                .build()))
                        .build()));
                return;
            }
            case "SLOW" -> sleep(3_000);
            case "RESET" -> throw io.grpc.Status.INTERNAL
                    .withDescription("RST_STREAM closed stream. HTTP/2 error code: PROTOCOL_ERROR")
                    .asRuntimeException();
            default -> {}
        }
        Unit unit = request.getUnit().toBuilder()
                .setId(UUID.randomUUID().toString())
                .setCreateTime(Timestamp.newBuilder().setSeconds(1_780_000_000L))
                .build();
        REQUEST_IDS.put(unit.getCode(), request.getRequestId());
        response.onNext(unit);
        response.onCompleted();
    }

    @Override
    public void getUnit(GetUnitRequest request, StreamObserver<Unit> response) {
        switch (request.getId()) {
            case "down" -> throw io.grpc.Status.UNAVAILABLE
                    .withDescription("db connection refused at 10.0.0.7")
                    .asRuntimeException();
            case "flaky" -> {
                if (FLAKY_CALLS.incrementAndGet() % 3 != 0) {
                    throw io.grpc.Status.UNAVAILABLE.asRuntimeException();
                }
            }
            case "boom" -> throw new IllegalStateException("secret internal detail");
                // An INTERNAL without ErrorInfo, as grpc-java's client reports a reset stream: the first
                // two calls fail so, the third answers.
            case "reset" -> {
                if (RESET_CALLS.incrementAndGet() % 3 != 0) {
                    throw io.grpc.Status.INTERNAL
                            .withDescription("RST_STREAM closed stream. HTTP/2 error code: PROTOCOL_ERROR")
                            .asRuntimeException();
                }
            }
            case "known" -> {}
            default -> throw io.grpc.Status.NOT_FOUND
                    .withDescription("unit " + request.getId() + " does not exist")
                    .asRuntimeException();
        }
        response.onNext(Unit.newBuilder()
                .setId(request.getId())
                .setCode("K-1")
                .setName("Known")
                .setType(org.sqm.proto.standards.v1.UnitType.UNIT_TYPE_HOTLINE)
                .setCreateTime(Timestamp.newBuilder().setSeconds(1_780_000_000L))
                .build());
        response.onCompleted();
    }

    @Override
    public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> response) {
        ListUnitsResponse.Builder page = ListUnitsResponse.newBuilder();
        for (int i = 0; i < Math.min(request.getPageSize(), 3); i++) {
            page.addUnits(Unit.newBuilder()
                    .setId("u" + i)
                    .setCode("C" + i)
                    .setName("Unit " + i)
                    .setType(org.sqm.proto.standards.v1.UnitType.UNIT_TYPE_COMPANY)
                    .setCreateTime(Timestamp.newBuilder().setSeconds(1_780_000_000L)));
        }
        page.setNextPageToken(request.getPageToken().isEmpty() ? "next-token" : "");
        response.onNext(page.build());
        response.onCompleted();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
