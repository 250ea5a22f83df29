package org.sqm.standards.grpc;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.sqm.commons.auth.RequestIds;

/** A test stub calling with a given bearer token (and request id) instead of the service token. */
final class As {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private As() {}

    /** The stub, calling with {@code Bearer <token>}. */
    static <S extends AbstractStub<S>> S token(S stub, String token) {
        return headers(stub, "Bearer " + token, null);
    }

    /** The stub, calling with the {@code authorization} value and {@code x-request-id}. */
    static <S extends AbstractStub<S>> S headers(S stub, String authorization, String requestId) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, authorization);
        if (requestId != null) {
            headers.put(RequestIds.METADATA, requestId);
        }
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
