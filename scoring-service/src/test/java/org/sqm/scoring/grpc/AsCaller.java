package org.sqm.scoring.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stubs that call scoring-service as a given person: a bare channel to the gRPC test port (no
 * application interceptor adds the tests' service token) with that person's development token and,
 * when given, an x-request-id.
 */
final class AsCaller {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REQUEST_ID =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private static ManagedChannel channel;

    private AsCaller() {}

    /** The channel to the service under test, opened once. */
    static synchronized ManagedChannel channel() {
        if (channel == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.grpc.server.test-port", Integer.class);
            channel = ManagedChannelBuilder.forAddress("localhost", port)
                    .usePlaintext()
                    .build();
        }
        return channel;
    }

    /** The stub calling with {@code token} (a development token, without "Bearer "). */
    static <S extends AbstractStub<S>> S as(S stub, String token) {
        return as(stub, token, null);
    }

    /** The stub calling with {@code token} and the request id. */
    static <S extends AbstractStub<S>> S as(S stub, String token, String requestId) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        if (requestId != null) {
            headers.put(REQUEST_ID, requestId);
        }
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The status code a call ends with (OK when it answers). */
    static Status.Code code(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }
}
