package org.sqm.testing.auth;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;

/** Development tokens on the wire: a gRPC client interceptor and the HTTP header value. */
public final class Bearer {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static volatile String administrator;

    private Bearer() {}

    /** {@code Bearer <administrator development token>}, minted once per JVM (valid 12 h). */
    public static String administrator() {
        if (administrator == null) {
            administrator = "Bearer " + DevTokens.administrator();
        }
        return administrator;
    }

    /** {@code Bearer <token>} of an administrator whose subject is {@code subject}, minted per call. */
    public static String administratorAs(String subject) {
        return "Bearer "
                + DevTokens.token(
                        subject,
                        java.util.List.of("administrator"),
                        java.util.List.of(),
                        DevTokens.ISSUER,
                        java.time.Duration.ofHours(1),
                        DevTokens.privateKey());
    }

    /** Attaches an administrator's development token to every call of a channel or stub. */
    public static ClientInterceptor administratorInterceptor() {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, administrator());
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }
}
