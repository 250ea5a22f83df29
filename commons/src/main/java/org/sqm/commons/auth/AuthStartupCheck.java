package org.sqm.commons.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with authentication on but nothing to verify tokens with: without a key SmallRye JWT
 * would only fail each call, and a production deployment must never come up half-locked.
 */
@ApplicationScoped
public class AuthStartupCheck {

    void check(
            @Observes StartupEvent started,
            AuthConfig config,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> keyLocation,
            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        if (!config.enabled()) {
            return;
        }
        if (key.isEmpty() && keyLocation.isEmpty()) {
            throw new IllegalStateException("Authentication is on (sqm.auth.enabled) but no key verifies tokens: set"
                    + " MP_JWT_VERIFY_PUBLICKEY (PEM) or MP_JWT_VERIFY_PUBLICKEY_LOCATION (file or JWKS URL)");
        }
        if (issuer.isEmpty()) {
            throw new IllegalStateException(
                    "Authentication is on (sqm.auth.enabled) but no issuer is trusted: set MP_JWT_VERIFY_ISSUER");
        }
    }
}
