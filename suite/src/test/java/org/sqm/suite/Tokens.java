package org.sqm.suite;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import java.time.Duration;
import java.util.List;
import org.sqm.testing.auth.DevTokens;

/** Development tokens of the seven roles for the authorisation scenarios, on HTTP and gRPC. */
final class Tokens {

    /** The roles of issue 17 as tokens carry them, in a fixed order for readable failures. */
    static final List<String> ROLES = List.of(
            "administrator",
            "quality-manager",
            "inspector",
            "complaint-handler",
            "unit-manager",
            "viewer",
            "public-reader");

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private Tokens() {}

    /** {@code Bearer <token>} of the role acting for the units, subject {@code <role>@sqm.dev}. */
    static String bearer(String role, String... units) {
        return "Bearer " + DevTokens.token(role, units);
    }

    /** {@code Bearer <token>} of a person with the subject, role and units. */
    static String bearerAs(String subject, String role, String... units) {
        return "Bearer "
                + DevTokens.token(
                        subject,
                        List.of(role),
                        List.of(units),
                        DevTokens.ISSUER,
                        Duration.ofHours(1),
                        DevTokens.privateKey());
    }

    /** Sends the {@code authorization} value (a whole {@code Bearer ...}) on every call of a stub. */
    static ClientInterceptor grpc(String authorization) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, authorization);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }
}
