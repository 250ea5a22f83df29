package org.sqm.inspection.grpc;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import org.sqm.testing.auth.DevTokens;

/** Stubs that call as a chosen person: a development token of a role, units and subject of the test's choice. */
final class Tokens {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> REQUEST_ID =
            Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    private Tokens() {}

    /** A token of {@code role} acting for {@code units}, subject {@code <role>@sqm.dev}. */
    static String of(String role, String... units) {
        return DevTokens.token(role, units);
    }

    /** A token with the subject, groups and units given. */
    static String of(String subject, List<String> groups, List<String> units) {
        return DevTokens.token(subject, groups, units, DevTokens.ISSUER, Duration.ofHours(1), DevTokens.privateKey());
    }

    /** The stub calling with the token. */
    static <S extends AbstractStub<S>> S as(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** The stub calling with the token and the request id. */
    static <S extends AbstractStub<S>> S as(S stub, String token, String requestId) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + token);
        headers.put(REQUEST_ID, requestId);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
