package org.sqm.complaint.grpc;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import org.sqm.testing.auth.DevTokens;

/** A test stub that calls as a person of a role (development token, subject {@code <role>@sqm.dev}). */
final class AsRole {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private AsRole() {}

    /** The stub calling as {@code role} acting for {@code units}. */
    static <S extends AbstractStub<S>> S as(S stub, String role, String... units) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + DevTokens.token(role, units));
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The stub calling as {@code role} for {@code units}, with a request id. */
    static <S extends AbstractStub<S>> S withRequestId(S stub, String requestId, String role, String... units) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + DevTokens.token(role, units));
        headers.put(REQUEST_ID, requestId);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
