package org.sqm.complaint.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import java.time.Duration;
import java.util.List;
import org.sqm.commons.auth.Roles;
import org.sqm.testing.auth.DevTokens;

/**
 * Lets the forwarded caller's token into the standards-service stand-in ({@link FakeStandardsBackend})
 * while the standards protos of this build state no access rule for a method: commons would refuse
 * every person there, and the rules are standards-service's to state. The call then reaches the stand-in
 * as a service token. A standards method that states its rule is left alone, so the real rule applies
 * as soon as the standards protos carry it. Runs before commons' token check (higher priority).
 */
@GlobalInterceptor
@ApplicationScoped
public class StandardsStandInAccess implements ServerInterceptor, Prioritized {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final String SERVICE_TOKEN = "Bearer "
            + DevTokens.token(
                    "service:standards-stand-in",
                    List.of(Roles.SERVICE),
                    List.of(),
                    DevTokens.ISSUER,
                    Duration.ofHours(12),
                    DevTokens.privateKey());

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        if (call.getMethodDescriptor().getServiceName().startsWith("sqm.standards.v1.")
                && headers.containsKey(AUTHORIZATION)
                && Roles.access(call.getMethodDescriptor()).isEmpty()) {
            headers.discardAll(AUTHORIZATION);
            headers.put(AUTHORIZATION, SERVICE_TOKEN);
        }
        return next.startCall(call, headers);
    }

    @Override
    public int getPriority() {
        return 1000;
    }
}
