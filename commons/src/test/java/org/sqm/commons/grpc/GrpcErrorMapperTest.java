package org.sqm.commons.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqm.commons.client.RemoteCallException;
import org.sqm.commons.error.AlreadyExistsException;
import org.sqm.commons.error.ConcurrentModificationException;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;

class GrpcErrorMapperTest {

    private final GrpcErrorMapper mapper = new GrpcErrorMapper("test-service");

    private static ErrorInfo errorInfo(StatusException e) throws Exception {
        return StatusProto.fromThrowable(e).getDetailsList().stream()
                .filter(a -> a.is(ErrorInfo.class))
                .findFirst()
                .orElseThrow()
                .unpack(ErrorInfo.class);
    }

    @Test
    void eachDomainExceptionHasItsCanonicalCodeAndErrorInfo() throws Exception {
        record Case(RuntimeException exception, Status.Code code, String reason) {}
        for (Case c : List.of(
                new Case(new NotFoundException("unit", "42"), Status.Code.NOT_FOUND, "UNIT_NOT_FOUND"),
                new Case(
                        new AlreadyExistsException("unit", "code", "A"),
                        Status.Code.ALREADY_EXISTS,
                        "UNIT_ALREADY_EXISTS"),
                new Case(
                        new FailedPreconditionException("NOT_DRAFT", "only a draft can change"),
                        Status.Code.FAILED_PRECONDITION,
                        "NOT_DRAFT"),
                new Case(new ConcurrentModificationException("unit", "42"), Status.Code.ABORTED, "ETAG_MISMATCH"),
                new Case(
                        new InvalidArgumentException("unit.code", "is required"),
                        Status.Code.INVALID_ARGUMENT,
                        "INVALID_FIELDS"))) {
            StatusException e = mapper.toStatusException(c.exception());
            assertEquals(c.code(), e.getStatus().getCode());
            assertEquals(c.reason(), errorInfo(e).getReason());
            assertEquals("test-service", errorInfo(e).getDomain());
        }
    }

    @Test
    void aDependencyFailureIsTheDependencysProblemNotTheCallers() throws Exception {
        StatusException notFound = StatusProto.toStatusException(com.google.rpc.Status.newBuilder()
                .setCode(com.google.rpc.Code.NOT_FOUND_VALUE)
                .setMessage("calendar 7 does not exist")
                .addDetails(com.google.protobuf.Any.pack(ErrorInfo.newBuilder()
                        .setReason("CALENDAR_NOT_FOUND")
                        .setDomain("standards-service")
                        .build()))
                .build());
        StatusException e = mapper.toStatusException(new RemoteCallException(
                "standards-service", new io.grpc.StatusRuntimeException(notFound.getStatus(), notFound.getTrailers())));
        assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
        assertEquals("DEPENDENCY_FAILED", errorInfo(e).getReason());
        assertEquals("test-service", errorInfo(e).getDomain());
        assertEquals("standards-service", errorInfo(e).getMetadataOrThrow("service"));
        assertEquals("NOT_FOUND", errorInfo(e).getMetadataOrThrow("code"));
        assertEquals("CALENDAR_NOT_FOUND", errorInfo(e).getMetadataOrThrow("reason"));
        assertTrue(e.getStatus().getDescription().startsWith("standards-service could not"));

        for (Status down : List.of(Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED, Status.INTERNAL)) {
            StatusException u =
                    mapper.toStatusException(new RemoteCallException("standards-service", down.asRuntimeException()));
            assertEquals(Status.Code.UNAVAILABLE, u.getStatus().getCode(), down.toString());
            assertEquals("DEPENDENCY_UNAVAILABLE", errorInfo(u).getReason());
        }
    }

    @Test
    void invalidArgumentCarriesEveryFieldViolation() throws Exception {
        StatusException e = mapper.toStatusException(new InvalidArgumentException(List.of(
                new FieldViolation("unit.code", "is required"), new FieldViolation("unit.type", "is required"))));
        BadRequest badRequest = StatusProto.fromThrowable(e).getDetailsList().stream()
                .filter(a -> a.is(BadRequest.class))
                .findFirst()
                .orElseThrow()
                .unpack(BadRequest.class);
        assertEquals(
                List.of("unit.code", "unit.type"),
                badRequest.getFieldViolationsList().stream()
                        .map(BadRequest.FieldViolation::getField)
                        .toList());
    }

    @Test
    void wrappedDomainExceptionsAreFoundAndStatusesPassThrough() {
        var wrapped = new RuntimeException("tx", new NotFoundException("unit", "7"));
        assertEquals(
                Status.Code.NOT_FOUND,
                mapper.toStatusException(wrapped).getStatus().getCode());
        StatusException status = Status.UNAVAILABLE.asException();
        assertSame(status, mapper.toStatusException(status));
    }

    @Test
    void unexpectedFailuresAreInternalWithoutTheirMessage() throws Exception {
        StatusException e = mapper.toStatusException(new IllegalStateException("password=hunter2 at db-7"));
        assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
        assertFalse(e.getStatus().getDescription().contains("hunter2"));
        assertFalse(e.getStatus().getDescription().contains("IllegalState"));
        assertEquals("INTERNAL", errorInfo(e).getReason());
    }
}
