package org.sqm.testing.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The token failure modes of a gRPC API, called over a bare channel (no application interceptor adds a
 * token): every bad token is UNAUTHENTICATED, a good one gets through, health needs none.
 */
public final class GrpcTokenChecks {

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private static final MethodDescriptor<byte[], byte[]> HEALTH_CHECK = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName("grpc.health.v1.Health/Check")
            .setRequestMarshaller(BYTES)
            .setResponseMarshaller(BYTES)
            .build();

    private GrpcTokenChecks() {}

    /** Bad {@code authorization} values by what is wrong with them; null: no header at all. */
    public static Map<String, String> badAuthorizations() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("missing", null);
        bad.put("not a bearer token", "Basic YWRtaW46YWRtaW4=");
        bad.put("malformed", "Bearer not.a.jwt");
        bad.put("empty", "Bearer ");
        bad.put(
                "expired",
                "Bearer "
                        + DevTokens.token(
                                "x@sqm.dev",
                                List.of("administrator"),
                                List.of(),
                                DevTokens.ISSUER,
                                Duration.ofMinutes(-10),
                                DevTokens.privateKey()));
        bad.put(
                "other issuer",
                "Bearer "
                        + DevTokens.token(
                                "x@sqm.dev",
                                List.of("administrator"),
                                List.of(),
                                "https://someone.else",
                                Duration.ofMinutes(5),
                                DevTokens.privateKey()));
        bad.put(
                "wrongly signed",
                "Bearer "
                        + DevTokens.token(
                                "x@sqm.dev",
                                List.of("administrator"),
                                List.of(),
                                DevTokens.ISSUER,
                                Duration.ofMinutes(5),
                                strangerKey()));
        return bad;
    }

    /**
     * Calls {@code fullMethodName} ({@code package.Service/Method}) with an empty request on
     * localhost:{@code port} with each bad token (UNAUTHENTICATED, the service
     * never reached), then with an administrator's development token (anything but UNAUTHENTICATED),
     * and the health service without a token (SERVING).
     */
    public static void assertOnlyValidTokensPass(int port, String fullMethodName) {
        // Plain bytes, no generated classes: a Quarkus test may load this class in another class loader
        // than its own gRPC classes (sqm-testing also holds test resources), so nothing gRPC crosses over.
        MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(fullMethodName)
                .setRequestMarshaller(BYTES)
                .setResponseMarshaller(BYTES)
                .build();
        byte[] request = new byte[0];
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port)
                .usePlaintext()
                .build();
        try {
            for (Map.Entry<String, String> bad : badAuthorizations().entrySet()) {
                StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                        StatusRuntimeException.class,
                        () -> call(channel, method, request, bad.getValue()),
                        bad.getKey());
                assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), bad.getKey());
            }
            try {
                call(channel, method, request, "Bearer " + DevTokens.administrator());
            } catch (StatusRuntimeException e) {
                assertNotEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode(), "a valid token: " + e);
            }
            // grpc.health.v1.Health/Check with an empty request; SERVING is field 1 = 1 on the wire.
            assertArrayEquals(
                    new byte[] {8, 1}, call(channel, HEALTH_CHECK, new byte[0], null), "health needs no token");
        } finally {
            channel.shutdownNow();
        }
    }

    private static <Q, R> R call(ManagedChannel channel, MethodDescriptor<Q, R> method, Q request, String auth) {
        Metadata headers = new Metadata();
        if (auth != null) {
            headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), auth);
        }
        return ClientCalls.blockingUnaryCall(
                io.grpc.ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
                method,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                request);
    }

    private static PrivateKey strangerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
