package org.sqm.gateway.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sqm.commons.client.RemoteCallException;

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
        assertEquals("actor", ProblemMapper.restField("actor"));
        assertEquals("id", ProblemMapper.restField("id"));
        assertEquals("Idempotency-Key", ProblemMapper.restField("request_id"));
        assertEquals("ratings[0].levelCode", ProblemMapper.restField("ratings[0].level_code"));
        assertEquals("targets.unitIds[1]", ProblemMapper.restField("plan.targets.unit_ids[1]"));
    }

    @Test
    void anInternalWithoutTheServicesDetailsIsATransportFailure503() throws Exception {
        // What grpc-java's client reports when the server resets the stream: no status details.
        Response r = mapper().fromGrpc(
                        Status.INTERNAL
                                .withDescription("RST_STREAM closed stream. HTTP/2 error code: PROTOCOL_ERROR")
                                .asRuntimeException(),
                        uri("/api/v1/complaints"));
        assertEquals(503, r.getStatus());
        JsonNode problem = body(r);
        assertEquals("UNAVAILABLE", problem.get("reason").asText());
        assertFalse(problem.get("detail").asText().contains("RST_STREAM"), problem.toString());
    }

    @Test
    void anInternalFromTheServicesErrorMapperStaysA500() throws Exception {
        // GrpcErrorMapper answers every unexpected failure with INTERNAL and an ErrorInfo.
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.INTERNAL.value())
                .setMessage("internal error, incident 42")
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason("INTERNAL")
                        .setDomain("complaint.sqm.org")
                        .build()))
                .build();
        Response r = mapper().fromGrpc(StatusProto.toStatusRuntimeException(status), uri("/api/v1/complaints"));
        assertEquals(500, r.getStatus());
        assertEquals("INTERNAL", body(r).get("reason").asText());
    }

    @Test
    void aFailedRemoteCallAnswersWhatTheServiceAnswered() throws Exception {
        // The gateway fronts the services: their NOT_FOUND is the client's 404, not a dependency failure.
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.NOT_FOUND.value())
                .setMessage("complaint c9 does not exist")
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason("COMPLAINT_NOT_FOUND")
                        .setDomain("complaint.sqm.org")
                        .build()))
                .build();
        Response r = mapper().fromRemoteCall(
                        new RemoteCallException("complaint-service", StatusProto.toStatusRuntimeException(status)),
                        uri("/api/v1/complaints/c9"));
        assertEquals(404, r.getStatus());
        JsonNode problem = body(r);
        assertEquals("COMPLAINT_NOT_FOUND", problem.get("reason").asText());
        assertEquals("complaint c9 does not exist", problem.get("detail").asText());
        assertEquals(
                503,
                mapper().fromRemoteCall(
                                new RemoteCallException("standards-service", Status.UNAVAILABLE.asRuntimeException()),
                                uri("/api/v1/units"))
                        .getStatus());
    }

    @Test
    void aRelayedUnauthenticatedIsA401WithABearerChallengeAndPermissionDeniedA403() throws Exception {
        // A service refused the forwarded token: the client learns how to authenticate, as at the gateway.
        Response refused = mapper().fromRemoteCall(
                        new RemoteCallException(
                                "complaint-service",
                                Status.UNAUTHENTICATED
                                        .withDescription("The bearer token is invalid or expired.")
                                        .asRuntimeException()),
                        uri("/api/v1/complaints/c9"));
        assertEquals(401, refused.getStatus());
        assertEquals("Bearer", refused.getHeaderString("WWW-Authenticate"));
        assertEquals("UNAUTHENTICATED", body(refused).get("reason").asText());
        assertEquals(Problem.MEDIA_TYPE, refused.getMediaType().toString());

        Response forbidden = mapper().fromGrpc(
                        Status.PERMISSION_DENIED
                                .withDescription("This method needs one of the roles administrator.")
                                .asRuntimeException(),
                        uri("/api/v1/units"));
        assertEquals(403, forbidden.getStatus());
        assertEquals("PERMISSION_DENIED", body(forbidden).get("reason").asText());
        assertEquals(null, forbidden.getHeaderString("WWW-Authenticate"));
    }

    private static JsonNode body(Response r) throws java.io.IOException {
        return new ObjectMapper().readTree((String) r.getEntity());
    }

    private static ProblemMapper mapper() {
        return new ProblemMapper(new ObjectMapper());
    }

    /** A UriInfo that knows only its path, which is all the mapper asks. */
    private static UriInfo uri(String path) {
        return (UriInfo)
                Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (p, m, a) -> {
                    if (m.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
