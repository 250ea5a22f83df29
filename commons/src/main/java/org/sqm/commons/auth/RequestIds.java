package org.sqm.commons.auth;

import io.grpc.Context;
import io.grpc.Metadata;
import io.quarkus.arc.Arc;
import java.util.Optional;
import java.util.UUID;

/**
 * The request id of a call, for the audit trail and the logs: the gateway takes a client's
 * {@code X-Request-Id} (or makes one) and sends it on as {@code x-request-id} metadata; every service
 * keeps it for the call it serves ({@link IncomingTokenInterceptor}) and sends it on to the services it
 * calls ({@code OutgoingCallInterceptor}). A call without one gets a fresh id at the first service.
 */
public final class RequestIds {

    public static final Metadata.Key<String> METADATA =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    static final Context.Key<String> KEY = Context.key("sqm-request-id");

    /** Longest id taken from a caller; longer ones are replaced by a fresh id. */
    static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /** The request id of the call this thread serves: the gRPC call's, else the REST request's. */
    public static Optional<String> current() {
        String grpc = KEY.get();
        if (grpc != null) {
            return Optional.of(grpc);
        }
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        var holder = container.instance(RestRequestId.class);
        return holder.isAvailable() ? Optional.ofNullable(holder.get().get()) : Optional.empty();
    }

    /** A caller's id if it is a sensible one (printable ASCII, not too long), else a fresh one. */
    public static String accept(String offered) {
        if (offered == null || offered.isBlank() || offered.length() > MAX_LENGTH) {
            return fresh();
        }
        for (int i = 0; i < offered.length(); i++) {
            char c = offered.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return fresh();
            }
        }
        return offered;
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}
