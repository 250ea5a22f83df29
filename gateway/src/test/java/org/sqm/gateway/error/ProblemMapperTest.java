package org.sqm.gateway.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    @Test
    void everyGrpcCodeHasTheHttpStatusOfCodeProto() {
        Map<Status.Code, Integer> expected = new EnumMap<>(Status.Code.class);
        expected.put(Status.Code.OK, 200);
        expected.put(Status.Code.CANCELLED, 499);
        expected.put(Status.Code.UNKNOWN, 500);
        expected.put(Status.Code.INVALID_ARGUMENT, 400);
        expected.put(Status.Code.DEADLINE_EXCEEDED, 504);
        expected.put(Status.Code.NOT_FOUND, 404);
        expected.put(Status.Code.ALREADY_EXISTS, 409);
        expected.put(Status.Code.PERMISSION_DENIED, 403);
        expected.put(Status.Code.RESOURCE_EXHAUSTED, 429);
        expected.put(Status.Code.FAILED_PRECONDITION, 409); // the one documented deviation
        expected.put(Status.Code.ABORTED, 409);
        expected.put(Status.Code.OUT_OF_RANGE, 400);
        expected.put(Status.Code.UNIMPLEMENTED, 501);
        expected.put(Status.Code.INTERNAL, 500);
        expected.put(Status.Code.UNAVAILABLE, 503);
        expected.put(Status.Code.DATA_LOSS, 500);
        expected.put(Status.Code.UNAUTHENTICATED, 401);

        for (Status.Code code : Status.Code.values()) {
            assertEquals(expected.get(code), ProblemMapper.httpStatus(code), code.name());
        }
    }

    @Test
    void grpcFieldPathsBecomeRestFieldNames() {
        assertEquals("code", ProblemMapper.restField("unit.code"));
        assertEquals("parentId", ProblemMapper.restField("unit.parent_id"));
        assertEquals("pageSize", ProblemMapper.restField("page_size"));
        assertEquals("id", ProblemMapper.restField("id"));
        assertEquals("Idempotency-Key", ProblemMapper.restField("request_id"));
        assertEquals("ratings[0].levelCode", ProblemMapper.restField("ratings[0].level_code"));
        assertEquals("targets.unitIds[1]", ProblemMapper.restField("plan.targets.unit_ids[1]"));
    }
}
