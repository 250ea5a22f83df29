package org.sqm.commons.grpc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusException;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sqm.commons.error.FailedPreconditionException;
import org.sqm.commons.error.FieldViolation;
import org.sqm.commons.error.InvalidArgumentException;
import org.sqm.commons.error.NotFoundException;

/**
 * Regression (found by the fuzzing suite): an error that echoed a 15 000-character field name made
 * trailers larger than HTTP/2 peers accept, and the caller got INTERNAL/PROTOCOL_ERROR instead of
 * INVALID_ARGUMENT. Every error's status now stays well inside 8 KiB.
 */
class GrpcErrorMapperSizeTest {

    private final GrpcErrorMapper mapper = new GrpcErrorMapper("test");

    private static int size(StatusException e) {
        return StatusProto.fromThrowable(e).getSerializedSize()
                + String.valueOf(e.getStatus().getDescription()).length();
    }

    @Test
    void hugeEchoesOfCallerInputStayInsideTheTrailerLimit() {
        String huge = "x".repeat(15_000);
        List<FieldViolation> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(new FieldViolation("update_mask." + huge, "'" + huge + "' cannot be changed"));
        }
        for (RuntimeException e : List.of(
                new InvalidArgumentException(many),
                new NotFoundException("unit", huge),
                new FailedPreconditionException("X", huge, Map.of("value", huge), many))) {
            StatusException status = mapper.toStatusException(e);
            assertTrue(size(status) < 6_000, e.getClass().getSimpleName() + ": " + size(status) + " bytes");
        }
        InvalidArgumentException one = new InvalidArgumentException("name", "is required");
        assertTrue(StatusProto.fromThrowable(mapper.toStatusException(one))
                .toString()
                .contains("is required"));
    }
}
