package org.sqm.commons.auth;

import io.quarkus.arc.Arc;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer token an outgoing call carries: the caller's own (the gRPC call being served, or in the
 * gateway the REST request's), so the receiving service sees the real person; without a caller (a
 * scheduled job) a service token minted with this application's service key.
 */
@ApplicationScoped
public class OutgoingToken {

    private final AuthConfig.ServiceToken config;
    private final String subject;
    private final Optional<String> verifyIssuer;
    private volatile String serviceToken;
    private volatile Instant renewAt = Instant.MIN;
    private volatile PrivateKey key;

    public OutgoingToken(
            AuthConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> verifyIssuer) {
        this.config = config.serviceToken();
        this.subject = "service:" + application;
        this.verifyIssuer = verifyIssuer;
    }

    /** The token to send, if there is one. */
    public Optional<String> current() {
        Optional<Caller> caller = Caller.current();
        if (caller.isPresent()) {
            return Optional.of(caller.get().rawToken());
        }
        Optional<String> rest = restCallerToken();
        return rest.isPresent() ? rest : serviceToken();
    }

    private static Optional<String> restCallerToken() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        var handle = container.instance(JsonWebToken.class);
        if (!handle.isAvailable()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(handle.get().getRawToken());
        } catch (RuntimeException e) {
            // No authenticated request behind this call.
            return Optional.empty();
        }
    }

    /** A service token, reminted when half its lifetime is gone; empty without a service key. */
    public Optional<String> serviceToken() {
        if (config.keyLocation().isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (serviceToken == null || now.isAfter(renewAt)) {
            synchronized (this) {
                if (serviceToken == null || now.isAfter(renewAt)) {
                    Duration lifetime = config.lifetime();
                    serviceToken = Jwt.issuer(
                                    config.issuer().or(() -> verifyIssuer).orElse("sqm"))
                            .subject(subject)
                            .upn(subject)
                            .groups(new HashSet<>(config.groups()))
                            .issuedAt(now)
                            .expiresAt(now.plus(lifetime))
                            .jws()
                            .sign(key());
                    renewAt = now.plus(lifetime.dividedBy(2));
                }
            }
        }
        return Optional.of(serviceToken);
    }

    private PrivateKey key() {
        if (key == null) {
            key = PrivateKeys.read(config.keyLocation().orElseThrow(), "service key");
        }
        return key;
    }
}
